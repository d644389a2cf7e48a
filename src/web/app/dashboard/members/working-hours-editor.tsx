import { WEEKDAYS, WEEKDAY_NAMES } from '../../api/member-types.ts';
import type { Weekday } from '../../api/member-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { FieldErrorText } from '../../ui/field-errors.tsx';
import type { FieldErrorMap } from '../../ui/field-errors.tsx';

export type HoursDraft = Record<Weekday, Array<[string, string]>>;

/** The editor works on all seven days; the API's map may leave days out. */
export function hoursDraftOf(hours: Partial<HoursDraft>): HoursDraft {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, (hours[day] ?? []).map(([a, b]) => [a, b] as [string, string])])) as HoursDraft;
}

interface Props {
  value: HoursDraft;
  onChange: (value: HoursDraft) => void;
  zone: string;
  errors: FieldErrorMap;
  idPrefix: string;
}

/**
 * Per weekday, the local ranges a member interviews in; a day without ranges is a day off. Times are typed
 * as "HH:MM" on a 24-hour clock, as the API and every summary write them (a browser's time picker may
 * show AM/PM and cannot say 24:00).
 */
export function WorkingHoursEditor({ value, onChange, zone, errors, idPrefix }: Props) {
  const setDay = (day: Weekday, ranges: Array<[string, string]>) => onChange({ ...value, [day]: ranges });
  return (
    <fieldset className="hours-editor">
      <legend>Working hours ({zoneLabel(zone)} time)</legend>
      {WEEKDAYS.map((day) => {
        const name = WEEKDAY_NAMES[day];
        const ranges = value[day];
        const dayErrors = errors.at(`workingHours.${day}`);
        const dayErrorId = `${idPrefix}-${day}-error`;
        return (
          <div key={day} className="hours-day" role="group" aria-labelledby={`${idPrefix}-${day}-name`}>
            <span id={`${idPrefix}-${day}-name`} className="hours-day-name">
              {name}
            </span>
            <div className="stack hours-ranges">
              {ranges.length === 0 && <span className="muted">Day off</span>}
              {ranges.map(([start, end], index) => {
                const rangeErrors = errors.at(`workingHours.${day}.${index}`);
                const errorId = `${idPrefix}-${day}-${index}-error`;
                const described = [rangeErrors.length ? errorId : '', dayErrors.length ? dayErrorId : ''].filter(Boolean).join(' ') || undefined;
                const update = (at: 0 | 1, text: string) =>
                  setDay(day, ranges.map((range, i) => (i === index ? ((at === 0 ? [text, range[1]] : [range[0], text]) as [string, string]) : range)));
                return (
                  <div key={index} className="hours-range">
                    <div className="row">
                      <label className="inline">
                        <span className="visually-hidden">
                          {name} range {index + 1}
                        </span>{' '}
                        from
                        <input className="hhmm" inputMode="numeric" placeholder="HH:MM" maxLength={5} value={start} onChange={(e) => update(0, e.target.value)} aria-invalid={rangeErrors.length > 0 || undefined} aria-describedby={described} />
                      </label>
                      <label className="inline">
                        <span className="visually-hidden">
                          {name} range {index + 1}
                        </span>{' '}
                        to
                        <input className="hhmm" inputMode="numeric" placeholder="HH:MM" maxLength={5} value={end} onChange={(e) => update(1, e.target.value)} aria-invalid={rangeErrors.length > 0 || undefined} aria-describedby={described} />
                      </label>
                      <button type="button" className="link-button" onClick={() => setDay(day, ranges.filter((_, i) => i !== index))}>
                        Remove<span className="visually-hidden"> {name} range {index + 1}</span>
                      </button>
                    </div>
                    <FieldErrorText id={errorId} messages={rangeErrors} />
                  </div>
                );
              })}
              <FieldErrorText id={dayErrorId} messages={dayErrors} />
            </div>
            <button
              type="button"
              className="link-button"
              onClick={() => setDay(day, [...ranges, ranges.length === 0 ? ['09:00', '17:00'] : ['', '']])}
            >
              Add hours<span className="visually-hidden"> on {name}</span>
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
