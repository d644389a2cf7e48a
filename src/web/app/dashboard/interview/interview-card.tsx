import { Link } from 'wouter';
import type { Interview } from '../../api/interview-types.ts';
import { formatDateTime, formatClock, zoneLabel } from '../../ui/format-time.ts';
import { StatusBadge } from '../shared/status-badge.tsx';
import { PanelSeats } from './panel-seats.tsx';

/** When it is, in the organization's zone and the candidate's own. */
function When({ interview, zone }: { interview: Interview; zone: string }) {
  if (!interview.start || !interview.end) {
    return <span className="muted">No time yet: the candidate has been offered {interview.offeredSlots.length} times to pick from.</span>;
  }
  const candidateZone = interview.candidate?.timezone;
  return (
    <>
      <time dateTime={interview.start}>{formatDateTime(interview.start, zone)}</time>, until {formatClock(interview.end, zone)} ({interview.durationMinutes} min)
      {candidateZone && candidateZone !== zone && (
        <span className="also-zone">
          For the candidate: <time dateTime={interview.start}>{formatDateTime(interview.start, candidateZone)}</time>
        </span>
      )}
    </>
  );
}

/** The interview at a glance: who, for what, when, where, its status and its panel. */
export function InterviewCard({ interview, zone, onDeclineSeat }: { interview: Interview; zone: string; onDeclineSeat: ((memberId: string) => void) | null }) {
  return (
    <section className="card interview-card" aria-labelledby="card-heading">
      <h2 id="card-heading">The interview</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={interview.status} />
        </dd>
        <dt>Candidate</dt>
        <dd>
          {interview.candidate?.name ?? interview.candidateId}
          {interview.candidate && <span className="muted"> · {zoneLabel(interview.candidate.timezone)} time ({interview.candidate.timezone})</span>}
        </dd>
        <dt>Opening</dt>
        <dd>{interview.opening ? <Link href={`/openings/${interview.opening.id}`}>{interview.opening.title}</Link> : interview.openingId}</dd>
        <dt>When</dt>
        <dd>
          <When interview={interview} zone={zone} />
        </dd>
        {(interview.location || interview.videoUrl) && (
          <>
            <dt>Where</dt>
            <dd>
              {interview.location}
              {interview.location && interview.videoUrl && ' · '}
              {interview.videoUrl && <a href={interview.videoUrl}>Video call link</a>}
            </dd>
          </>
        )}
        <dt>Calendar</dt>
        <dd>
          Sequence {interview.sequence} <span className="muted">(raised on every change calendars have seen)</span>
        </dd>
      </dl>
      <PanelSeats interview={interview} zone={zone} onDecline={onDeclineSeat} />
    </section>
  );
}
