import { Link } from 'wouter';
import type { Change } from '../../api/interview-types.ts';
import { formatDateTime, formatDuration } from '../../ui/format-time.ts';
import { NoticeBadge } from '../shared/notice-badge.tsx';
import { SideBadge } from '../shared/side-badge.tsx';
import { StatusBadge } from '../shared/status-badge.tsx';
import { actionLabel, reasonLabel } from '../shared/vocabulary.ts';

/** How long ago; a change cannot be in the future, so a browser clock running behind says "just now". */
function ago(at: string, now: number): string {
  const ms = Date.parse(at) - now;
  return ms > -60_000 ? 'just now' : formatDuration(ms);
}

/** One change: when, who is concerned, what happened and from which side, its notice and reason category. */
export function ChangeEntry({ change, zone, isNew, now }: { change: Change; zone: string; isNew: boolean; now: number }) {
  return (
    <article className={`change card${isNew ? ' is-new' : ''}`} aria-label={`${actionLabel(change.action)}: ${change.candidate.name}, ${change.opening.title}`}>
      <p className="change-when">
        <time dateTime={change.at}>{formatDateTime(change.at, zone)}</time>
        <span className="muted"> · {ago(change.at, now)}</span>
        {isNew && <span className="badge new-badge">New</span>}
      </p>
      <p className="change-what">
        <strong>{actionLabel(change.action)}</strong> — {change.candidate.name}, {change.opening.title}
      </p>
      <dl className="change-facts">
        <dt>Side</dt>
        <dd>
          <SideBadge side={change.side} />
        </dd>
        <dt>Notice</dt>
        <dd>
          <NoticeBadge noticeClass={change.noticeClass} hours={change.noticeHours} />
        </dd>
        <dt>Reason</dt>
        <dd>{change.reason ? reasonLabel(change.reason) : <span className="muted">None given</span>}</dd>
        <dt>Interview now</dt>
        <dd>
          <Link href={`/interviews/${change.interview.id}`}>
            {change.interview.title}
            <span className="visually-hidden"> with {change.candidate.name}</span>
          </Link>{' '}
          <StatusBadge status={change.interview.status} />{' '}
          {change.interview.start ? <time dateTime={change.interview.start}>{formatDateTime(change.interview.start, zone)}</time> : <span className="muted">no time set</span>}
        </dd>
      </dl>
    </article>
  );
}
