import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CandidateView, Weekday, WorkingHours } from '../../../api/candidate-types.ts';
import { zoneLabel } from '../../../ui/format-time.ts';
import { ProblemMessage } from '../../../ui/problem.tsx';
import { linkKey, linkPath } from '../../use-link.ts';

const DAYS: Array<[Weekday, string]> = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

type Day = { on: boolean; from: string; to: string };

/** One span per day: a day with several spans is shown from its first start to its last end. */
function toDays(hours: WorkingHours): Record<Weekday, Day> {
  const days = {} as Record<Weekday, Day>;
  for (const [day] of DAYS) {
    const spans = hours[day] ?? [];
    days[day] = spans.length > 0 ? { on: true, from: spans[0]![0], to: spans[spans.length - 1]![1] } : { on: false, from: '09:00', to: '17:00' };
  }
  return days;
}

function toHours(days: Record<Weekday, Day>): WorkingHours {
  const hours: WorkingHours = {};
  for (const [day] of DAYS) if (days[day].on) hours[day] = [[days[day].from, days[day].to]];
  return hours;
}

/**
 * The hours the candidate can interview in, in their own zone: the times offered to them are searched
 * within these. Saving reads the free times again.
 */
export function HoursForm({ token, view }: { token: string; view: CandidateView }) {
  const client = useQueryClient();
  const [days, setDays] = useState(() => toDays(view.reasonableHours.hours));
  const save = useMutation({
    mutationFn: (hours: WorkingHours | null) => api.put<CandidateView>(linkPath(token, '/hours'), { hours }),
    onSuccess: async (saved) => {
      setDays(toDays(saved.reasonableHours.hours));
      await client.invalidateQueries({ queryKey: linkKey(token) });
    },
  });
  const zone = zoneLabel(view.interview.candidateTimezone);
  const set = (day: Weekday, change: Partial<Day>) => setDays((current) => ({ ...current, [day]: { ...current[day], ...change } }));
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(toHours(days));
      }}
    >
      <p className="muted">
        {view.reasonableHours.stated ? 'These are the hours you gave' : `These are ${view.interview.organization.name}'s usual hours`}, in {zone} time.
      </p>
      <fieldset>
        <legend>Hours you can interview ({zone} time)</legend>
        <div className="hours-grid">
          {DAYS.map(([day, name]) => (
            <div key={day} className="hours-day">
              {/* Named explicitly: each row also holds "from" and "to" labels, and the day's box must be named by its day. */}
              <label className="inline" htmlFor={`hours-${day}`}>
                <input type="checkbox" id={`hours-${day}`} aria-label={name} checked={days[day].on} onChange={(event) => set(day, { on: event.target.checked })} />
                {name}
              </label>
              <label className="inline">
                from
                <input type="time" aria-label={`${name} from`} value={days[day].from} disabled={!days[day].on} onChange={(event) => set(day, { from: event.target.value })} />
              </label>
              <label className="inline">
                to
                <input type="time" aria-label={`${name} to`} value={days[day].to} disabled={!days[day].on} onChange={(event) => set(day, { to: event.target.value })} />
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save my hours
        </button>
        {view.reasonableHours.stated && (
          <button type="button" disabled={save.isPending} onClick={() => save.mutate(null)}>
            Use the usual hours
          </button>
        )}
      </div>
      <div aria-live="polite">{save.isSuccess && <p className="success">Your hours are saved. The free times shown now fit them.</p>}</div>
      <ProblemMessage error={save.error} />
    </form>
  );
}
