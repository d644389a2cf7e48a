import { useQueries } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { Message, MessagePage } from '../../api/interview-types.ts';
import type { PreviewedMessage } from '../../api/opening-types.ts';
import { Loading } from '../../ui/problem.tsx';
import { MessageList } from '../shared/message-viewer.tsx';

/** Past this many look-ups the page does not read the outbox back itself; the mailbox has it all. */
const MAX_LOOKUPS = 30;

/**
 * The emails the end of an opening actually queued, read back from the outbox rather than assumed from
 * the preview: those about the previewed interviews (and, for notes about no interview, to the previewed
 * recipients) written at or after the moment the opening ended.
 */
export function QueuedMessages({ previewed, since, zone }: { previewed: PreviewedMessage[]; since: string; zone: string }) {
  const interviewIds = [...new Set(previewed.flatMap((m) => (m.interviewId ? [m.interviewId] : [])))];
  const recipients = [...new Set(previewed.flatMap((m) => (m.interviewId ? [] : [m.to])))];
  const tooMany = interviewIds.length + recipients.length > MAX_LOOKUPS;
  const lookups = tooMany
    ? []
    : [...interviewIds.map((interviewId) => ({ interviewId })), ...recipients.map((to) => ({ to }))];
  const results = useQueries({
    queries: lookups.map((filter) => ({
      queryKey: ['messages', 'queued', filter, since],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<MessagePage>(withQuery('/api/v1/messages', { ...filter, limit: 200 }), signal),
    })),
  });
  if (tooMany) return <p>The emails are in the mailbox.</p>;
  if (results.some((r) => r.isPending)) return <Loading what="the emails queued" />;
  const failed = results.find((r) => r.error);
  if (failed) return <p className="warning">The emails queued could not be read back just now; the mailbox has them.</p>;
  const seen = new Map<string, Message>();
  results.forEach((result, index) => {
    const byRecipient = 'to' in lookups[index]!;
    for (const message of result.data?.messages ?? []) {
      if (Date.parse(message.createdAt) < Date.parse(since)) continue;
      if (byRecipient && message.interviewId !== null) continue;
      seen.set(message.id, message);
    }
  });
  const queued = [...seen.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return (
    <>
      <p>
        <strong>
          {queued.length} {queued.length === 1 ? 'email' : 'emails'} queued
        </strong>
        , read back from the outbox:
      </p>
      <MessageList messages={queued} zone={zone} headingLevel={4} empty="No emails were queued." />
    </>
  );
}
