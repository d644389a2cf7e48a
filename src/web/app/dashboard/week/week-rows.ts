import type { Interview } from '../../api/interview-types.ts';
import { dateInZone } from '../../ui/format-time.ts';

export type WeekGrouping = 'interviewer' | 'opening';

/** One row of the week: an interviewer (with their zone) or an opening, and its interviews per day. */
export interface WeekRow {
  key: string;
  label: string;
  /** The interviewer's own zone (interviewer rows only). */
  zone: string | null;
  byDay: Map<string, Interview[]>;
}

function push(row: WeekRow, day: string, interview: Interview) {
  const list = row.byDay.get(day);
  if (list) list.push(interview);
  else row.byDay.set(day, [interview]);
}

/** Interviews with a time, by start, each on the day it starts in the organization's zone. */
export function timedInterviews(interviews: Interview[]): Interview[] {
  return interviews.filter((i) => i.start !== null).sort((a, b) => a.start!.localeCompare(b.start!));
}

/** Rows by interviewer (an interview appears on each panelist's row) or by opening, sorted by name. */
export function weekRows(interviews: Interview[], grouping: WeekGrouping, zone: string): WeekRow[] {
  const rows = new Map<string, WeekRow>();
  for (const interview of timedInterviews(interviews)) {
    const day = dateInZone(interview.start!, zone);
    const owners =
      grouping === 'interviewer'
        ? (interview.panelMembers ?? []).map((m) => ({ key: m.id, label: m.name, zone: m.timezone }))
        : [{ key: interview.openingId, label: interview.opening?.title ?? interview.title, zone: null }];
    for (const owner of owners) {
      let row = rows.get(owner.key);
      if (!row) {
        row = { ...owner, byDay: new Map() };
        rows.set(owner.key, row);
      }
      push(row, day, interview);
    }
  }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Interviews per day of the organization's zone, for the phone's list. */
export function interviewsByDay(interviews: Interview[], zone: string): Map<string, Interview[]> {
  const days = new Map<string, Interview[]>();
  for (const interview of timedInterviews(interviews)) {
    const day = dateInZone(interview.start!, zone);
    const list = days.get(day);
    if (list) list.push(interview);
    else days.set(day, [interview]);
  }
  return days;
}
