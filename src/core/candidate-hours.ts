import { WEEKDAYS } from './types.ts';
import type { TimeRange, WorkingHours } from './types.ts';
import { minutesOfDay } from './working-hours.ts';
import { wallClockAt } from './zoned-time.ts';

/** The default reasonable hours of a candidate: weekdays 08:00–20:00 in their own zone. */
export const DEFAULT_CANDIDATE_HOURS: WorkingHours = {
  mon: [['08:00', '20:00']],
  tue: [['08:00', '20:00']],
  wed: [['08:00', '20:00']],
  thu: [['08:00', '20:00']],
  fri: [['08:00', '20:00']],
  sat: [],
  sun: [],
};

/**
 * The hours a candidate can reasonably be asked to interview in: the ones they stated through their
 * link, else the organization's default for candidates.
 */
export function candidateHoursFor(candidate: { reasonableHours: WorkingHours | null }, organization: { candidateHours: WorkingHours }): WorkingHours {
  return candidate.reasonableHours ?? organization.candidateHours;
}

/**
 * Whether a time is one the candidate can reasonably be asked to come at: wholly inside their hours
 * ({@link candidateHoursFor}) in their own zone. The employer may still book or move outside them; this
 * says so rather than refusing.
 */
export function withinCandidateHours(
  range: TimeRange,
  candidate: { reasonableHours: WorkingHours | null; timezone: string },
  organization: { candidateHours: WorkingHours },
): boolean {
  return fitsHours(range, candidateHoursFor(candidate, organization), candidate.timezone);
}

/**
 * Whether a time falls wholly inside one interval of the candidate's hours, on their local calendar day.
 * DST-correct: the local times are read in the zone at each instant.
 *
 * @example
 * fitsHours({ start: new Date('2026-12-10T07:30:00Z'), end: new Date('2026-12-10T08:30:00Z') }, DEFAULT_CANDIDATE_HOURS, 'America/New_York')
 * // false: 2:30 AM in New York
 */
export function fitsHours(range: TimeRange, hours: WorkingHours, timeZone: string): boolean {
  const start = wallClockAt(range.start, timeZone);
  const end = wallClockAt(range.end, timeZone);
  let endMinutes = end.minutes;
  if (end.day !== start.day) {
    // Ending exactly at the next midnight still belongs to the day ("24:00"); anything later does not.
    if (!(endMinutes === 0 && end.day === start.day + 1)) return false;
    endMinutes = 24 * 60;
  }
  return hours[WEEKDAYS[start.weekday]!].some(([from, to]) => minutesOfDay(from) <= start.minutes && endMinutes <= minutesOfDay(to));
}
