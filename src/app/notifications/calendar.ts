import { buildInterviewCalendar } from '../../core/ical/index.ts';
import type { AttendeePartstat, CalendarAttendee } from '../../core/ical/index.ts';
import type { CandidatePartstat } from '../../core/types.ts';
import type { AppConfig } from '../context.ts';
import type { InterviewParties } from '../interviews/parties.ts';

export interface CalendarEvent {
  /** The time the object is about: the new time for a REQUEST, the withdrawn one for a CANCEL. */
  start: Date;
  end: Date;
  sequence: number;
}

/**
 * The interview as an iTIP object: REQUEST while it stands (every booking and every move), CANCEL when it
 * is called off; or, with no method, a plain calendar object to import (a download), marked cancelled
 * when it is. The UID never changes and the SEQUENCE is the one the core decided. `candidate` is the
 * candidate's answer the object states (see `candidateAnswerIn`): accepted only when it is theirs.
 */
export function buildCalendarFor(
  parties: InterviewParties,
  method: 'REQUEST' | 'CANCEL' | null,
  event: CalendarEvent,
  config: AppConfig,
  dtstamp: Date,
  links: { candidate?: string },
  options: { candidate: CandidatePartstat | 'declined'; cancelled?: boolean },
): string {
  const { interview, candidate, panel, organization, opening } = parties;
  const cancelled = method === 'CANCEL' || (method === null && options.cancelled === true);
  const attendees: CalendarAttendee[] = [
    // Asked to reply even when they chose the time: a "Decline" in their calendar must reach us.
    { name: candidate.name, email: candidate.email, partstat: options.candidate.toUpperCase() as AttendeePartstat, role: 'REQ-PARTICIPANT', rsvp: method === 'REQUEST' },
    ...panel.map((member) => ({
      name: member.name,
      email: member.email,
      partstat: 'NEEDS-ACTION' as const,
      role: 'REQ-PARTICIPANT' as const,
      rsvp: method === 'REQUEST',
    })),
  ];
  const description = [
    `${opening.title} interview with ${organization.name}.`,
    interview.videoUrl ? `Video: ${interview.videoUrl}` : null,
    links.candidate ? `Need to change it? ${links.candidate}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return buildInterviewCalendar({
    method,
    uid: interview.uid,
    sequence: event.sequence,
    start: event.start,
    end: event.end,
    dtstamp,
    summary: `${interview.title}: ${candidate.name} (${opening.title})`,
    description,
    ...(interview.location ? { location: interview.location } : {}),
    ...(interview.videoUrl ? { url: interview.videoUrl } : {}),
    organizer: { name: organization.name, email: config.mailFrom.address },
    attendees,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  });
}
