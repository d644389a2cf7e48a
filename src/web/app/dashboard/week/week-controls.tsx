import type { ReactNode } from 'react';
import type { WeekGrouping } from './week-rows.ts';

/** Previous / this / next week, whether rows are interviewers or openings, and which one only. */
export function WeekControls({
  grouping,
  onGrouping,
  onWeek,
  isThisWeek,
  filter,
}: {
  grouping: WeekGrouping;
  onGrouping: (grouping: WeekGrouping) => void;
  onWeek: (step: -1 | 0 | 1) => void;
  isThisWeek: boolean;
  filter: ReactNode;
}) {
  return (
    <div className="week-controls row">
      <div className="row" role="group" aria-label="Week">
        <button type="button" onClick={() => onWeek(-1)}>
          ← Previous week
        </button>
        <button type="button" onClick={() => onWeek(0)} disabled={isThisWeek}>
          This week
        </button>
        <button type="button" onClick={() => onWeek(1)}>
          Next week →
        </button>
      </div>
      <div className="row week-view">
        <fieldset className="grouping">
          <legend>Show rows by</legend>
          {(['interviewer', 'opening'] as const).map((value) => (
            <label key={value} className="inline">
              <input type="radio" name="grouping" value={value} checked={grouping === value} onChange={() => onGrouping(value)} />
              {value === 'interviewer' ? 'Interviewer' : 'Opening'}
            </label>
          ))}
        </fieldset>
        {filter}
      </div>
    </div>
  );
}
