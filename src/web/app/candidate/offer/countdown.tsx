import { useEffect } from 'react';
import { Time } from '../../ui/time.tsx';
import { useNow } from './use-now.ts';

/** "1 h 05 min 09 s" — to the second, as the time runs out. */
function left(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours} h ${pad(minutes)} min ${pad(seconds)} s`;
  return `${minutes} min ${pad(seconds)} s`;
}

/**
 * A live countdown to the offer's expiry. A timer is not announced each second (that would drown a
 * screen reader); the deadline itself is written out beside it, and the end is reported once.
 */
export function Countdown({ until, zone, onEnd }: { until: string; zone: string; onEnd: () => void }) {
  const now = useNow();
  const remaining = Date.parse(until) - now;
  const ended = remaining <= 0;
  useEffect(() => {
    if (ended) onEnd();
  }, [ended, onEnd]);
  return (
    <div className="countdown">
      <p>
        {ended ? (
          <strong role="alert">This offer has run out.</strong>
        ) : (
          <>
            Claim it within{' '}
            <strong role="timer" aria-atomic="true" className="countdown-time">
              {left(remaining)}
            </strong>
          </>
        )}
      </p>
      <p className="muted">
        The offer ends at <Time iso={until} zone={zone} />.
      </p>
    </div>
  );
}
