import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AttendeeList, InboundReply } from '../../api/inbound-types.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { fetchAllPages } from '../shared/fetch-all-pages.ts';
import { attendeesKey, repliesKey } from './use-interview.ts';
import { attendeeAnswer, PARTSTAT_BADGES, ROLE_LABELS } from '../shared/reply-words.ts';
import { ReplyItem } from '../shared/reply-item.tsx';


const sameInstant = (a: string, b: string | null) => b !== null && Date.parse(a) === Date.parse(b);

/**
 * How the attendees answered the invitation in their own calendars, and every calendar reply received
 * for this interview — acted on, or recorded and ignored with the reason. Times in the given zone.
 */
export function RepliesSection({
  interviewId,
  zone,
  currentStart,
  onMoveTo,
}: {
  interviewId: string;
  zone: string;
  /** The interview's start now: a proposal of that very time has nothing left to move. */
  currentStart: string | null;
  onMoveTo: ((proposedStart: string) => void) | null;
}) {
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
              <span className={`badge ${PARTSTAT_BADGES[person.partstat]}`}>{attendeeAnswer(person)}</span>
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
            <ReplyItem
              key={reply.id}
              reply={reply}
              zone={zone}
              onMoveTo={
                onMoveTo && reply.outcome === 'applied' && reply.proposedStart && !sameInstant(reply.proposedStart, currentStart) ? () => onMoveTo(reply.proposedStart!) : null
              }
            />
          ))}
        </ol>
      )}
    </section>
  );
}
