import type { WeekGrouping } from './week-rows.ts';

/** Previous / this / next week, and whether rows are interviewers or openings. */
export function WeekControls({
  grouping,
  onGrouping,
  onWeek,
  isThisWeek,
}: {
  grouping: WeekGrouping;
  onGrouping: (grouping: WeekGrouping) => void;
  onWeek: (step: -1 | 0 | 1) => void;
  isThisWeek: boolean;
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
      <fieldset className="grouping">
        <legend>Show rows by</legend>
        {(['interviewer', 'opening'] as const).map((value) => (
          <label key={value} className="inline">
            <input type="radio" name="grouping" value={value} checked={grouping === value} onChange={() => onGrouping(value)} />
            {value === 'interviewer' ? 'Interviewer' : 'Opening'}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
