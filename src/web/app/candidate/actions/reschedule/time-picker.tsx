import type { CandidateTime } from '../../../api/candidate-types.ts';
import { formatDateTime, zoneLabel } from '../../../ui/format-time.ts';

/** Free times as radio buttons, each written in the candidate's zone. */
export function TimePicker({
  times,
  zone,
  value,
  onChange,
  legend,
}: {
  times: Array<Pick<CandidateTime, 'start'>>;
  zone: string;
  value: string | null;
  onChange: (start: string) => void;
  legend: string;
}) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <p className="muted">Times in {zoneLabel(zone)} time.</p>
      {times.map((time) => (
        <label key={time.start} className="inline">
          <input type="radio" name="time" value={time.start} checked={value === time.start} onChange={() => onChange(time.start)} />
          <time dateTime={time.start}>{formatDateTime(time.start, zone)}</time>
        </label>
      ))}
    </fieldset>
  );
}
