import type { WorkingHours } from '../../core/types.ts';
import type { MemberInput } from '../members.ts';

/** The fixed people and places of the demo organization; nothing here is real. */

export const DEMO_ORGANIZATION_NAME = 'Northwind Robotics (demo)';
export const DEMO_TIMEZONE = 'America/New_York';

/**
 * The demo recruiter's dashboard sign-in. Fixed and printed on purpose, so a newcomer can sign in at
 * once: it exists only in the demo organization and must never be used for anything real.
 */
export const DEMO_SIGN_IN = { email: 'recruiter@northwind.example', password: 'northwind-demo' } as const;

export const DEMO_OFFICE_ADDRESS = 'Northwind Robotics, 120 Hudson Street, 5th floor, New York';
export const DEMO_VIDEO_BASE_URL = 'https://meet.northwind.example';

export const DEMO_OPENING = { title: 'Robotics Software Engineer', department: 'Engineering', location: 'New York office, 5th floor' };

function weekdays(from: string, to: string): Partial<WorkingHours> {
  const span: Array<[string, string]> = [[from, to]];
  return { mon: span, tue: span, wed: span, thu: span, fri: span };
}

/**
 * Interviewers keep office hours on weekdays in their own zones; spread from Sydney to Chicago, someone
 * is at work at almost every weekday hour, so a booking less than a day away can usually be found.
 */
export const DEMO_TEAM: MemberInput[] = [
  { name: 'Grace Hopper', email: 'grace@northwind.example', role: 'interviewer', timezone: 'America/New_York', workingHours: weekdays('09:00', '17:00') },
  { name: 'Katherine Johnson', email: 'katherine@northwind.example', role: 'interviewer', timezone: 'America/Chicago', workingHours: weekdays('08:00', '16:00') },
  {
    name: 'Alan Turing',
    email: 'alan@northwind.example',
    role: 'interviewer',
    timezone: 'Europe/London',
    workingHours: { ...weekdays('09:00', '17:00'), mon: [['13:00', '18:00']] },
    bufferMinutes: 10,
  },
  { name: 'Shakuntala Devi', email: 'shakuntala@northwind.example', role: 'interviewer', timezone: 'Asia/Kolkata', workingHours: weekdays('10:00', '18:00') },
  { name: 'Ruby Payne-Scott', email: 'ruby@northwind.example', role: 'interviewer', timezone: 'Australia/Sydney', workingHours: weekdays('09:00', '17:00') },
  { name: 'Rosalind Franklin', email: 'rosalind@northwind.example', role: 'recruiter', timezone: 'America/New_York', workingHours: weekdays('09:00', '17:00') },
];

/** Panels by the interviewers' emails: one person, or two whose office hours overlap. */
export const DEMO_PANELS: string[][] = [
  ['grace@northwind.example'],
  ['katherine@northwind.example'],
  ['alan@northwind.example'],
  ['shakuntala@northwind.example'],
  ['ruby@northwind.example'],
  ['grace@northwind.example', 'alan@northwind.example'],
];

export const DEMO_CANDIDATES = [
  { name: 'Jordan Lee', email: 'jordan.lee@example.com', timezone: 'America/New_York' },
  { name: 'Priya Raman', email: 'priya.raman@example.com', timezone: 'Asia/Kolkata' },
  { name: 'Mateo García', email: 'mateo.garcia@example.com', timezone: 'Europe/Madrid' },
  { name: 'Amara Okafor', email: 'amara.okafor@example.com', timezone: 'Africa/Lagos' },
  { name: 'Olivia Chen', email: 'olivia.chen@example.com', timezone: 'Australia/Melbourne' },
  { name: 'Sam Rivera', email: 'sam.rivera@example.com', timezone: 'America/Chicago' },
  { name: 'Noor Haddad', email: 'noor.haddad@example.com', timezone: 'America/New_York' },
];

/** Someone who is booked and then withdraws, which frees panel time for the waitlist. */
export const DEMO_WITHDRAWING_CANDIDATE = { name: 'Oliver Bennett', email: 'oliver.bennett@example.com', timezone: 'Europe/London' };

/**
 * People waiting for a time on the opening: one with nothing open is offered the freed time. Several, as
 * an offer made at an earlier start may still stand (its link cannot be shown again) or have been claimed.
 */
export const DEMO_WAITLIST_CANDIDATES = [
  { name: 'Lena Fischer', email: 'lena.fischer@example.com', timezone: 'Europe/London' },
  { name: 'Aoife Byrne', email: 'aoife.byrne@example.com', timezone: 'Europe/Dublin' },
  { name: 'Tomás Silva', email: 'tomas.silva@example.com', timezone: 'Europe/Lisbon' },
];

export const DEMO_WAITLIST_PANEL = ['alan@northwind.example'];
