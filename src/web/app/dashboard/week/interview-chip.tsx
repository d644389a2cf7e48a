import { Link } from 'wouter';
import type { Interview } from '../../api/interview-types.ts';
import { formatClock } from '../../ui/format-time.ts';
import { StatusBadge } from '../shared/status-badge.tsx';
import { isCalledOff } from '../shared/vocabulary.ts';
import { ownZoneSpan } from './own-zone-span.ts';

function span(interview: Interview, zone: string): string {
  return `${formatClock(interview.start!, zone)}–${formatClock(interview.end!, zone)}`;
}

/**
 * An interview in the week: its time in the organization's zone (and in the interviewer's own when it
 * differs, with their day when that differs too), the candidate and what it is for, linking to its page. A called-off interview says so and
 * is drawn apart: it holds nobody's time.
 */
export function InterviewChip({ interview, zone, ownZone, show }: { interview: Interview; zone: string; ownZone?: string | null; show: 'opening' | 'panel' }) {
  const calledOff = isCalledOff(interview.status);
  const theirs = ownZoneSpan(interview.start!, interview.end!, zone, ownZone);
  return (
    <Link href={`/interviews/${interview.id}`} className={`chip${calledOff ? ' called-off' : ''}`}>
      <span className="chip-time">
        <time dateTime={interview.start!}>{span(interview, zone)}</time>
        {theirs && <span className="chip-own"> ({theirs})</span>}
      </span>
      <span className="chip-who">{interview.candidate?.name ?? 'Candidate'}</span>
      <span className="chip-what">
        {show === 'opening' ? (interview.opening?.title ?? interview.title) : (interview.panelMembers ?? []).map((m) => m.name).join(', ')}
      </span>
      {interview.status !== 'scheduled' && <StatusBadge status={interview.status} />}
    </Link>
  );
}
