import { useState } from 'react';
import type { CandidateAction, CandidateView } from '../api/candidate-types.ts';
import { useTitle } from '../ui/use-title.ts';
import { ActionChooser } from './actions/action-chooser.tsx';
import { ActionPanel } from './actions/action-panel.tsx';
import type { Done } from './confirmation/confirmation.tsx';
import { Confirmation } from './confirmation/confirmation.tsx';
import { ApologyPath } from './card/apology-path.tsx';
import { InterviewCard } from './card/interview-card.tsx';
import { StatusNote } from './card/status-note.tsx';
import { NoticeMeter } from './notice/notice-meter.tsx';

/**
 * The interview, the notice a change would give now, and one action at a time. After an action the
 * confirmation says what happened (from the action's answer) while the rest of the page shows the state
 * the server now holds, so a reload shows that state and never sends anything again.
 */
export function InterviewPage({ token, view }: { token: string; view: CandidateView }) {
  const { interview } = view;
  useTitle(`Your interview with ${interview.organization.name}`);
  const [chosen, setChosen] = useState<CandidateAction | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const open = chosen !== null && view.actions.includes(chosen) ? chosen : null;

  const finish = (result: Done) => {
    setChosen(null);
    setDone(result);
  };
  const choose = (action: CandidateAction | null) => {
    setDone(null);
    setChosen(action);
  };

  return (
    <>
      <h1>Your interview with {interview.organization.name}</h1>
      {done && <Confirmation done={done} view={view} />}
      <InterviewCard view={view} />
      <StatusNote view={view} />
      {view.apologyPath && <ApologyPath path={view.apologyPath} />}
      {view.notice && <NoticeMeter notice={view.notice} scale={view.noticeScale} organization={interview.organization.name} />}
      {view.actions.length > 0 && (
        <ActionChooser actions={view.actions} status={interview.status} chosen={open} onChoose={choose} />
      )}
      {open && <ActionPanel key={open} action={open} token={token} view={view} onDone={finish} onClose={() => choose(null)} />}
    </>
  );
}
