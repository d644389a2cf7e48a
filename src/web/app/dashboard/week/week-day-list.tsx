import type { Interview } from '../../api/interview-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { InterviewChip } from './interview-chip.tsx';
import { longDayLabel } from './week-dates.ts';
import { interviewsByDay } from './week-rows.ts';

/** The week as a list per day (narrow screens): each interview with its candidate, opening and panel. */
export function WeekDayList({ interviews, days, today, zone }: { interviews: Interview[]; days: string[]; today: string; zone: string }) {
  const byDay = interviewsByDay(interviews, zone);
  return (
    <div className="week-days">
      {days.map((day) => {
        const list = byDay.get(day) ?? [];
        return (
          <section key={day} aria-labelledby={`day-${day}`} className={day === today ? 'today' : undefined}>
            <h2 id={`day-${day}`}>
              {longDayLabel(day)}
              {day === today && <span className="today-mark"> · today</span>}
            </h2>
            {list.length === 0 ? (
              <p className="muted">No interviews.</p>
            ) : (
              <ul className="day-list">
                {list.map((interview) => (
                  <li key={interview.id}>
                    <InterviewChip interview={interview} zone={zone} show="opening" />
                    <p className="day-panel muted">
                      Panel:{' '}
                      {(interview.panelMembers ?? []).map((m, i) => (
                        <span key={m.id}>
                          {i > 0 && ', '}
                          {m.name} ({zoneLabel(m.timezone)})
                        </span>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
