/** A span of time a member's own calendar holds them busy, `[start, end)` in epoch milliseconds. */
export interface BusyInterval {
  start: number;
  end: number;
  /**
   * The event's UID: an event Leeway itself sent (an interview's UID) is recognised by it when busy times
   * are read, so an interview already booked is not counted a second time.
   */
  uid: string;
}

/** Calendar data that cannot be read as iCalendar: the sync records it as the source's error. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}
