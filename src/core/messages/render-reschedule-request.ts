import { formatClock } from '../format-time.ts';
import type { TimeRange } from '../types.ts';
import type { RenderedEmail } from './message-facts.ts';
import { when } from './text.ts';

/** The recruiter's email when an attendee's calendar proposes a new time (an iTIP COUNTER). */
export const RESCHEDULE_REQUEST_KIND = 'coordinator_reschedule_request';

/** Whether someone is free at the proposed time, checked as a booking would check it. */
export type Availability = 'free' | 'busy' | 'outside_hours';

/** A panelist at the proposed time: as anyone, or having declined their seat (it is open, whatever the time). */
export type PanelAvailability = Availability | 'declined_seat';

/** Everything the request may state: who proposed what, what stands now, and who is free then. */
export interface RescheduleRequestFacts {
  organizationName: string;
  openingTitle: string;
  interviewTitle: string;
  candidateName: string;
  proposer: { name: string; role: 'candidate' | 'panelist' };
  current: TimeRange;
  proposed: TimeRange;
  /** The note the proposer typed in their calendar, if any. */
  comment: string | null;
  panel: Array<{ name: string; availability: PanelAvailability }>;
  candidate: Availability;
}

const SAID: Record<PanelAvailability, string> = {
  free: 'free',
  busy: 'busy (another interview or a busy time)',
  outside_hours: 'outside their hours',
  declined_seat: 'declined their seat, which is open',
};

/**
 * The request in the reader's zone: the proposed time, the time that stands, who is free then (panel
 * and candidate, as a booking would check), and that nothing has moved. Replies go to the proposer.
 */
export function renderRescheduleRequest(facts: RescheduleRequestFacts, reader: { timezone: string }): RenderedEmail {
  const tz = reader.timezone;
  const who = facts.proposer.role === 'candidate' ? `${facts.proposer.name} (the candidate)` : `${facts.proposer.name} (on the panel)`;
  // A panelist who declined their seat is not attending: "everyone is free" would hide the open seat.
  const everyoneFree = facts.candidate === 'free' && facts.panel.every((m) => m.availability === 'free');
  const openSeats = facts.panel.filter((m) => m.availability === 'declined_seat').length;
  const lines = [
    ...facts.panel.map((m) => `  • ${m.name}: ${SAID[m.availability]}`),
    `  • ${facts.candidateName} (candidate): ${SAID[facts.candidate]}`,
  ];
  const paragraphs = [
    'Hello,',
    `${who} proposed a new time for “${facts.interviewTitle}”${facts.proposer.role === 'candidate' ? '' : ` with ${facts.candidateName}`} (${facts.openingTitle}) from their calendar.`,
    [`Proposed: ${when(facts.proposed.start, tz)} to ${formatClock(facts.proposed.end, tz)}`, `Now: ${when(facts.current.start, tz)} to ${formatClock(facts.current.end, tz)}`].join('\n'),
    facts.comment ? ['Their note:', '', facts.comment].join('\n') : null,
    ['At the proposed time:', ...lines].join('\n'),
    openSeats > 0
      ? `${openSeats === 1 ? 'One seat of the panel is' : `${openSeats} seats of the panel are`} open: ${facts.panel.filter((m) => m.availability === 'declined_seat').map((m) => m.name).join(', ')} declined, and nobody holds ${openSeats === 1 ? 'that seat' : 'those seats'} yet.`
      : null,
    everyoneFree
      ? 'Everyone is free then. Nothing has been moved: to take the proposed time, reschedule the interview in Leeway, and everyone gets the updated invitation.'
      : 'Nothing has been moved: the interview stays at its time unless you reschedule it in Leeway.',
    'Reply to this email to write to them.',
    `Thank you,\n${facts.organizationName} recruiting`,
  ];
  return {
    subject: `New time proposed: ${facts.candidateName}, ${facts.openingTitle}`,
    text: paragraphs.filter((p): p is string => p !== null).join('\n\n'),
  };
}

