const MINUTE = 60_000;
/** Leave 45 minutes before an interview in person, so lateness is planned out, not apologised for. */
export const LEAVE_BY_MINUTES = 45;

/**
 * When to leave for an interview in person, for the reminder (product rule 9: never arrive late); null
 * for one held by video or remotely, where there is nowhere to travel to.
 *
 * @example
 * leaveByFor({ location: '1 Market St', videoUrl: null }, new Date('2026-12-10T15:00:00Z')) // 14:15Z
 * leaveByFor({ location: 'Remote', videoUrl: null }, start) // null
 */
export function leaveByFor(interview: { location: string | null; videoUrl: string | null }, start: Date): Date | null {
  const inPerson = interview.location !== null && interview.videoUrl === null && !/\b(remote|online|video|virtual)\b/i.test(interview.location);
  return inPerson ? new Date(start.getTime() - LEAVE_BY_MINUTES * MINUTE) : null;
}
