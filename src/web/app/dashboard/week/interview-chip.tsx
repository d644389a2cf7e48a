import { Link } from 'wouter';
import type { Interview } from '../../api/interview-types.ts';
import { formatClock, zoneLabel } from '../../ui/format-time.ts';
import { StatusBadge } from '../shared/status-badge.tsx';
import { isCalledOff } from '../shared/vocabulary.ts';

function span(interview: Interview, zone: string): string {
  return `${formatClock(interview.start!, zone)}–${formatClock(interview.end!, zone)}`;
}

/**
 * An interview in the week: its time in the organization's zone (and in the interviewer's own when it
 * differs), the candidate and what it is for, linking to its page. A called-off interview says so and
 * is drawn apart: it holds nobody's time.
 */
export function InterviewChip({ interview, zone, ownZone, show }: { interview: Interview; zone: string; ownZone?: string | null; show: 'opening' | 'panel' }) {
  const calledOff = isCalledOff(interview.status);
  const theirs = ownZone && ownZone !== zone && formatClock(interview.start!, ownZone) !== formatClock(interview.start!, zone) ? ownZone : null;
  return (
    <Link href={`/interviews/${interview.id}`} className={`chip${calledOff ? ' called-off' : ''}`}>
      <span className="chip-time">
        <time dateTime={interview.start!}>{span(interview, zone)}</time>
        {theirs && (
          <span className="chip-own">
            {' '}
            ({span(interview, theirs)} {zoneLabel(theirs)})
          </span>
        )}
      </span>
      <span className="chip-who">{interview.candidate?.name ?? 'Candidate'}</span>
      <span className="chip-what">
        {show === 'opening' ? (interview.opening?.title ?? interview.title) : (interview.panelMembers ?? []).map((m) => m.name).join(', ')}
      </span>
      {interview.status !== 'scheduled' && <StatusBadge status={interview.status} />}
    </Link>
  );
}
