import { useState } from 'react';
import type { Interview, Message } from '../../api/interview-types.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { MessageList } from '../shared/message-viewer.tsx';
import { useOrganization } from '../shared/use-organization.ts';
import { ActionBar } from './action-bar.tsx';
import type { ActionKind } from './action-bar.tsx';
import { ActionResult } from './action-result.tsx';
import { BackLinks } from './back-links.tsx';
import type { DoneAction } from './action-result.tsx';
import { CancelAction } from './actions/cancel-action.tsx';
import { CompleteAction, EndEarlyAction } from './actions/close-actions.tsx';
import { DeclineSeatAction } from './actions/decline-seat-action.tsx';
import { LateAction } from './actions/late-action.tsx';
import { NoShowAction } from './actions/no-show-action.tsx';
import { RescheduleAction } from './actions/reschedule-action.tsx';
import { HistoryList } from './history-list.tsx';
import { InterviewCard } from './interview-card.tsx';
import { RelatedInterviews } from './related-interviews.tsx';
import { RepliesSection } from './replies-section.tsx';
import { useInterview, useInterviewMessages, useRefreshAfterAction } from './use-interview.ts';

/** The open action, and how long the history was when it opened: the lines after it are the action's. */
type Open = ({ kind: ActionKind; proposed?: string } | { kind: 'decline-seat'; memberId: string }) & { historyBefore: number };

/** One interview: its card, the actions it allows, its history and the exact emails sent. */
export default function InterviewPage({ id }: { id: string }) {
  const organization = useOrganization();
  const interview = useInterview(id);
  const messages = useInterviewMessages(id);
  useTitle(interview.data ? `${interview.data.title}: ${interview.data.candidate?.name ?? 'interview'}` : 'Interview');
  if (organization.isPending || interview.isPending) return <Loading what="the interview" />;
  if (organization.error || interview.error) return <ProblemMessage error={organization.error ?? interview.error} />;
  return <InterviewView interview={interview.data} messages={messages.data ?? []} messagesState={messages} zone={organization.data.timezone} />;
}

function InterviewView({
  interview,
  messages,
  messagesState,
  zone,
}: {
  interview: Interview;
  messages: Message[];
  messagesState: { isPending: boolean; error: unknown };
  zone: string;
}) {
  const [open, setOpen] = useState<Open | null>(null);
  const [done, setDone] = useState<DoneAction | null>(null);
  const refresh = useRefreshAfterAction(interview.id);
  const start = (next: { kind: ActionKind; proposed?: string } | { kind: 'decline-seat'; memberId: string }) => {
    setDone(null);
    setOpen({ ...next, historyBefore: interview.history?.length ?? 0 });
  };
  const common = {
    interview,
    zone,
    refresh,
    onClose: () => setOpen(null),
    onDone: (summary: string) => {
      setOpen(null);
      setDone({ summary, historyBefore: open?.historyBefore ?? 0, at: Date.now() });
    },
  };

  return (
    <>
      <BackLinks interview={interview} zone={zone} />
      <h1>
        {interview.title}: {interview.candidate?.name ?? 'candidate'}
      </h1>
      <InterviewCard
        interview={interview}
        zone={zone}
        onDeclineSeat={interview.status === 'scheduled' ? (memberId) => start({ kind: 'decline-seat', memberId }) : null}
      />

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        <ActionBar interview={interview} open={open?.kind ?? null} onOpen={(kind) => start({ kind })} />
        <div aria-live="polite">{done && <ActionResult done={done} interview={interview} messages={messages} onDismiss={() => setDone(null)} />}</div>
        {open?.kind === 'reschedule' && <RescheduleAction key={open.proposed ?? ''} {...common} {...(open.proposed ? { proposed: open.proposed } : {})} />}
        {open?.kind === 'cancel' && <CancelAction {...common} />}
        {open?.kind === 'no-show' && <NoShowAction {...common} />}
        {open?.kind === 'late' && <LateAction {...common} />}
        {open?.kind === 'end-early' && <EndEarlyAction {...common} />}
        {open?.kind === 'complete' && <CompleteAction {...common} />}
        {open?.kind === 'decline-seat' && <DeclineSeatAction key={open.memberId} {...common} memberId={open.memberId} />}
      </section>

      <RepliesSection
        interviewId={interview.id}
        zone={zone}
        currentStart={interview.start}
        onMoveTo={interview.status === 'scheduled' ? (proposed) => start({ kind: 'reschedule', proposed }) : null}
      />

      <RelatedInterviews interview={interview} zone={zone} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <HistoryList interview={interview} messages={messages} zone={zone} />
      </section>

      <section aria-labelledby="emails-heading">
        <h2 id="emails-heading">Emails sent</h2>
        <p className="muted">Exactly as written, oldest first; candidate links are redacted because a link is a credential.</p>
        {messagesState.isPending && <Loading what="the emails" />}
        <ProblemMessage error={messagesState.error} />
        {!messagesState.isPending && <MessageList messages={messages} zone={zone} empty="No emails about this interview yet." />}
      </section>
    </>
  );
}
