import type { HistoryEntry, Interview, Message } from '../../api/interview-types.ts';
import { formatDateTime } from '../../ui/format-time.ts';
import { NoticeBadge } from '../shared/notice-badge.tsx';
import { SideBadge } from '../shared/side-badge.tsx';
import { actionLabel, reasonLabel } from '../shared/vocabulary.ts';
import { messageIdsOf } from './message-links.ts';

type Names = Map<string, string>;

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The facts a history line carries beyond its action, in words; only fields the server defines. */
function detailLines(entry: HistoryEntry, names: Names, zone: string): string[] {
  const d = entry.details ?? {};
  const who = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? 'a member no longer on the panel') : null);
  const lines: string[] = [];
  if (entry.action === 'rescheduled') {
    const from = str(d.from);
    const to = str(d.to);
    if (from) lines.push(`From ${formatDateTime(from, zone)}`);
    if (to) lines.push(`To ${formatDateTime(to, zone)}`);
  }
  if ((entry.action === 'no_show' || entry.action === 'late') && d.party) {
    lines.push(d.party === 'candidate' ? 'The candidate' : `Panelist: ${who(d.memberId) ?? 'a panelist'}`);
  }
  if (entry.action === 'late' && typeof d.minutes === 'number') lines.push(`${d.minutes} min late`);
  if (entry.action === 'ended_early' && d.by) lines.push(d.by === 'candidate' ? 'Ended by the candidate' : 'Ended by the interviewer');
  if (entry.action === 'panel_declined') {
    lines.push(`Declined by ${who(d.memberId) ?? 'a panelist'}`);
    if (str(d.reason)) lines.push(`Their note for the recruiting team: “${str(d.reason)}”`);
    if (Array.isArray(d.proposals)) lines.push(`${d.proposals.length} other times proposed to the recruiting team`);
  }
  if (entry.action === 'panel_replaced') lines.push(`${who(d.to) ?? 'A stand-in'} took the seat of ${who(d.from) ?? 'a panelist'}`);
  if (entry.action === 'panel_handed_over') lines.push(`${who(d.memberId) ?? 'The panelist'}’s seat is for the recruiting team to settle`);
  if (entry.action === 'reschedule_requested') {
    const start = str(d.proposedStart);
    if (start) lines.push(`Proposed ${formatDateTime(start, zone)}; nothing moves until the recruiter does it`);
  }
  // A change that came in as a calendar reply says so: nobody clicked anything in Leeway.
  if (d.via === 'calendar') lines.push('From a reply in their calendar');
  return lines;
}

/** Who did what, when, with which notice and reason, and which emails it sent (linked below). */
export function HistoryList({ interview, messages, zone }: { interview: Interview; messages: Message[]; zone: string }) {
  const names: Names = new Map([...(interview.panelMembers ?? []), ...(interview.seats ?? [])].map((m) => [m.id, m.name]));
  const byMessageId = new Map(messages.map((m) => [m.messageId, m]));
  const history = interview.history ?? [];
  if (history.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="history">
      {[...history].reverse().map((entry, index) => {
        const sent = messageIdsOf(entry).flatMap((id) => byMessageId.get(id) ?? []);
        return (
          <li key={`${entry.at}-${index}`} className="card">
            <p className="history-head">
              <time dateTime={entry.at}>{formatDateTime(entry.at, zone)}</time> <SideBadge side={entry.actor} />
            </p>
            <p className="history-what">
              <strong>{actionLabel(entry.action)}</strong>
              {entry.noticeClass && (
                <>
                  {' '}
                  <NoticeBadge noticeClass={entry.noticeClass} hours={entry.noticeHours} />
                </>
              )}
            </p>
            {entry.reason && <p>Reason: {reasonLabel(entry.reason)}</p>}
            {detailLines(entry, names, zone).map((line) => (
              <p key={line} className="muted">
                {line}
              </p>
            ))}
            {sent.length > 0 && (
              <p>
                Emails:{' '}
                {sent.map((message, i) => (
                  <span key={message.id}>
                    {i > 0 && ', '}
                    <a href={`#message-${message.id}`}>to {message.to}</a>
                  </span>
                ))}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
