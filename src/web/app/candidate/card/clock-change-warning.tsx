import type { ClockChange } from '../../api/candidate-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { Time } from '../../ui/time.tsx';

/** "+01:00" → 60. */
function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function shift(change: ClockChange): string {
  const delta = offsetMinutes(change.offsetAfter) - offsetMinutes(change.offsetBefore);
  const amount = Math.abs(delta) === 60 ? 'one hour' : `${Math.abs(delta)} minutes`;
  return `${delta > 0 ? 'go forward' : 'go back'} ${amount} (UTC${change.offsetBefore} to UTC${change.offsetAfter})`;
}

/**
 * A clock change between now and the interview moves the hour on someone's calendar: the candidate is
 * told which zone changes, when, and that the times on this page already allow for it.
 */
export function ClockChangeWarning({ changes, start, zone }: { changes: ClockChange[]; start: string; zone: string }) {
  return (
    <div className="warning" role="note" aria-label="Clock change before your interview">
      <p>
        <strong>The clocks change before your interview.</strong>
      </p>
      <ul>
        {changes.map((change) => (
          <li key={`${change.zone}-${change.at}`}>
            In {zoneLabel(change.zone)} time the clocks {shift(change)} on <Time iso={change.at} zone={change.zone} />.
          </li>
        ))}
      </ul>
      <p>
        The times on this page already allow for it: your interview is at <Time iso={start} zone={zone} />. Check that your calendar shows the same
        time.
      </p>
    </div>
  );
}
