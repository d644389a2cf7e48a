import type { Interview } from '../../api/interview-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { InterviewChip } from './interview-chip.tsx';
import { dayLabel, longDayLabel } from './week-dates.ts';
import { weekRows } from './week-rows.ts';
import type { WeekGrouping } from './week-rows.ts';

/** The week as a table: a row per interviewer or opening, a column per day (wide screens). */
export function WeekGrid({
  interviews,
  days,
  today,
  zone,
  grouping,
  only,
}: {
  interviews: Interview[];
  days: string[];
  today: string;
  zone: string;
  grouping: WeekGrouping;
  /** The one interviewer or opening chosen: their colleagues on the same panels get no row of their own. */
  only: string;
}) {
  const rows = weekRows(interviews, grouping, zone).filter((row) => !only || row.key === only);
  return (
    // Focusable so a keyboard can scroll the week sideways on a narrow window.
    <div className="week-grid table-scroll" tabIndex={0} role="region" aria-label="The week's interviews">
      <table>
        <caption className="visually-hidden">
          Interviews by {grouping}, {longDayLabel(days[0]!)} to {longDayLabel(days[6]!)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{grouping === 'interviewer' ? 'Interviewer' : 'Opening'}</th>
            {days.map((day) => (
              <th key={day} scope="col" className={day === today ? 'today' : undefined} aria-current={day === today ? 'date' : undefined}>
                {dayLabel(day)}
                {day === today && <span className="today-mark"> · today</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {row.zone && <span className="row-zone">{zoneLabel(row.zone)} time</span>}
              </th>
              {days.map((day) => (
                <td key={day} className={day === today ? 'today' : undefined}>
                  {(row.byDay.get(day) ?? []).map((interview) => (
                    <InterviewChip key={interview.id} interview={interview} zone={zone} ownZone={row.zone} show={grouping === 'interviewer' ? 'opening' : 'panel'} />
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
