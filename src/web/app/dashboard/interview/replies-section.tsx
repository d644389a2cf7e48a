import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AttendeeList, InboundReply } from '../../api/inbound-types.ts';
import { formatClock } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { fetchAllPages } from '../shared/fetch-all-pages.ts';
import { attendeesKey, repliesKey } from './use-interview.ts';
import { effectLabel, PARTSTAT_BADGES, PARTSTAT_LABELS, ROLE_LABELS, replySaid, VIA_LABELS } from './reply-words.ts';


function ReplyItem({ reply, zone }: { reply: InboundReply; zone: string }) {
  const said = replySaid(reply);
  return (
    <li className={`card reply reply-${reply.outcome}`}>
      <p className="reply-head">
        <strong>{said}</strong> · <Time iso={reply.receivedAt} zone={zone} />
      </p>
      <dl className="facts">
        <dt>From</dt>
        <dd className="break-anywhere">
          {reply.from ?? 'Unknown sender'}
          {reply.attendee && <span className="muted"> · {ROLE_LABELS[reply.attendee.role].toLowerCase()}</span>}
          <span className="muted"> · {VIA_LABELS[reply.via]}</span>
        </dd>
        {reply.proposedStart && (
          <>
            <dt>Proposed time</dt>
            <dd>
              <Time iso={reply.proposedStart} zone={zone} />
              {reply.proposedEnd && <> until {formatClock(reply.proposedEnd, zone)}</>}
            </dd>
          </>
        )}
        <dt>What Leeway did</dt>
        <dd className={reply.outcome === 'ignored' ? 'problem-text' : undefined}>
          {reply.outcome === 'applied' ? effectLabel(reply.effect) : `Ignored: ${reply.ignoredBecause ?? 'no reason recorded'}`}
        </dd>
      </dl>
    </li>
  );
}

/**
 * How the attendees answered the invitation in their own calendars, and every calendar reply received
 * for this interview — acted on, or recorded and ignored with the reason. Times in the given zone.
 */
export function RepliesSection({ interviewId, zone }: { interviewId: string; zone: string }) {
  const attendees = useQuery({
    queryKey: attendeesKey(interviewId),
    queryFn: ({ signal }) => api.get<AttendeeList>(`/api/v1/interviews/${encodeURIComponent(interviewId)}/attendees`, signal),
  });
  const replies = useQuery({
    queryKey: repliesKey(interviewId),
    queryFn: ({ signal }) => fetchAllPages<InboundReply>('/api/v1/inbound/replies', 'replies', { interviewId }, signal),
  });
  const people = attendees.data?.attendees ?? [];
  const received = replies.data ?? [];

  return (
    <section aria-labelledby="replies-heading">
      <h2 id="replies-heading">Replies</h2>
      <p className="muted">How each attendee answered the invitation in their own calendar.</p>
      {attendees.isPending && <Loading what="the attendees’ answers" />}
      <ProblemMessage error={attendees.error} />
      {attendees.data && people.length === 0 && <p className="muted">Nobody has been invited to a calendar event yet.</p>}
      {people.length > 0 && (
        <ul className="seat-list attendee-list" aria-label="Attendees’ answers">
          {people.map((person) => (
            <li key={person.email} className="seat">
              <span className="seat-name">
                {person.name ?? person.email}
                <span className="block muted small break-anywhere">
                  {ROLE_LABELS[person.role]}
                  {person.name ? ` · ${person.email}` : ''}
                </span>
              </span>
              <span className={`badge ${PARTSTAT_BADGES[person.partstat]}`}>{PARTSTAT_LABELS[person.partstat]}</span>
              {person.repliedAt && (
                <span className="muted">
                  on <Time iso={person.repliedAt} zone={zone} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}

      <h3 id="replies-received-heading">Calendar replies received</h3>
      {replies.isPending && <Loading what="the replies" />}
      <ProblemMessage error={replies.error} />
      {replies.data && received.length === 0 && <p className="muted">No calendar reply has arrived for this interview.</p>}
      {received.length > 0 && (
        <ol className="reply-list" aria-labelledby="replies-received-heading">
          {received.map((reply) => (
            <ReplyItem key={reply.id} reply={reply} zone={zone} />
          ))}
        </ol>
      )}
    </section>
  );
}
