export {
  buildInterviewCalendar,
  DEFAULT_PRODID,
  type AttendeePartstat,
  type AttendeeRole,
  type BuildInterviewCalendarOptions,
  type CalendarAttendee,
  type CalendarMethod,
  type CalendarPerson,
  type EventStatus,
} from './build-interview-calendar.ts';
export { escapeText, formatParamValue } from './escape-text.ts';
export { foldLine } from './fold-line.ts';
export { formatUtcDateTime } from './format-utc-date-time.ts';
export { IcalInputError } from './ical-input-error.ts';
