import { useState } from 'react';
import { dateInZone, formatClock, formatDay, zoneLabel } from '../../../ui/format-time.ts';
import type { RescheduleOption } from '../../../api/interview-types.ts';

const FIRST = 24;

function fitLabel(option: RescheduleOption, candidateName: string): { text: string; className: string } {
  if (option.candidateBusy) return { text: `${candidateName} has another interview then`, className: 'fit-bad' };
  return option.withinCandidateHours
    ? { text: `Within ${candidateName}’s hours`, className: 'fit-ok' }
    : { text: `Outside ${candidateName}’s hours`, className: 'fit-warn' };
}

/**
 * Free panel times as radio buttons, grouped by day in the organization's zone, each also in the
 * candidate's zone and marked by whether it suits their reasonable hours (or clashes with another interview).
 */
export function SlotPicker({
  options,
  value,
  onChange,
  zone,
  candidate,
}: {
  options: RescheduleOption[];
  value: string;
  onChange: (start: string) => void;
  zone: string;
  candidate: { name: string; timezone: string };
}) {
  const [all, setAll] = useState(false);
  const shown = all ? options : options.slice(0, FIRST);
  const days = new Map<string, RescheduleOption[]>();
  for (const option of shown) {
    const day = dateInZone(option.start, zone);
    days.set(day, [...(days.get(day) ?? []), option]);
  }
  return (
    <fieldset className="slot-picker">
      <legend>New time (the whole panel is free)</legend>
      <p className="muted">
        Times in {zoneLabel(zone)} time; {candidate.name}’s own time ({zoneLabel(candidate.timezone)}) beside each.
      </p>
      {[...days.entries()].map(([day, list]) => (
        <div key={day} className="slot-day" role="group" aria-label={formatDay(list[0]!.start, zone)}>
          <p className="slot-day-name">{formatDay(list[0]!.start, zone)}</p>
          <div className="slot-options">
            {list.map((option) => {
              const fit = fitLabel(option, candidate.name);
              return (
                <label key={option.start} className={`inline slot${value === option.start ? ' chosen' : ''}`}>
                  <input type="radio" name="slot" value={option.start} checked={value === option.start} onChange={() => onChange(option.start)} />
                  <span>
                    <strong>
                      {formatClock(option.start, zone)}–{formatClock(option.end, zone)}
                    </strong>{' '}
                    <span className="muted">
                      ({formatDay(option.start, candidate.timezone)} {formatClock(option.start, candidate.timezone)} {zoneLabel(candidate.timezone)})
                    </span>
                    <span className={`fit ${fit.className}`}>{fit.text}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </div>
      ))}
      {!all && options.length > FIRST && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {options.length} times
        </button>
      )}
    </fieldset>
  );
}
