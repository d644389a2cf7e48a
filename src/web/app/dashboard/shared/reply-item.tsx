import { Link } from 'wouter';
import type { InboundReply } from '../../api/inbound-types.ts';
import { formatClock } from '../../ui/format-time.ts';
import { Time } from '../../ui/time.tsx';
import { effectLabel, ROLE_LABELS, replySaid, VIA_LABELS } from './reply-words.ts';

/** One calendar reply as received: what it said, from whom and how, a proposed time, and what Leeway did. */
export function ReplyItem({
  reply,
  zone,
  showInterview = false,
  onMoveTo = null,
}: {
  reply: InboundReply;
  zone: string;
  showInterview?: boolean;
  /** Opens the reschedule action on the time a COUNTER proposed. */
  onMoveTo?: (() => void) | null;
}) {
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
        {showInterview && (
          <>
            <dt>Interview</dt>
            <dd>{reply.interviewId ? <Link href={`/interviews/${reply.interviewId}`}>Open the interview</Link> : <span className="muted">None matched</span>}</dd>
          </>
        )}
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
      {onMoveTo && (
        <button type="button" onClick={onMoveTo}>
          Move the interview to this time…
        </button>
      )}
    </li>
  );
}
