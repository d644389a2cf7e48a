import { describe, expect, it } from 'vitest';
import {
  decideBooking,
  decideCancellation,
  decideClosing,
  decideConcern,
  decideDecline,
  decideInvitation,
  decideTimesRequest,
  decideWithdrawal,
} from '../decisions/decide.ts';
import type { DecisionContext } from '../decisions/decide.ts';
import type { InterviewChange } from '../decisions/interview-change.ts';
import { decideSeatDecline } from '../panel/decide-seat.ts';
import type { PlannedEmail } from './email-kinds.ts';
import { EMAIL_KINDS, carriesSeatLink } from './email-kinds.ts';
import type { MessageFacts } from './message-facts.ts';
import { planEmails } from './plan-emails.ts';
import type { Recipients } from './plan-emails.ts';
import { renderEmail } from './render-email.ts';
import { WAITLIST_EMAIL_KINDS } from './waitlist-kinds.ts';
import { INVITED, NO_CONTACTS, OFFERS, RECIPIENTS, SCHEDULED, factsFor } from './testing/fixtures.ts';

const at = (iso: string): DecisionContext => ({ now: new Date(iso), policy: { ampleHours: 48, adequateHours: 24 }, contactPhone: '+15550100' });
const WEEK_BEFORE = at('2026-12-03T12:00:00Z');
const LATE = at('2026-12-10T09:00:00Z');
const AFTER = at('2026-12-10T15:30:00Z');

interface Scenario {
  name: string;
  change: InterviewChange;
  recipients?: Recipients;
  facts?: Partial<MessageFacts>;
  primary?: boolean;
}

const SEATED = { ...SCHEDULED, panel: ['m1', 'm2'] };
const ADA = { id: 'm3', name: 'Ada Lovelace', address: 'ada@acme.test', timezone: 'Asia/Kolkata' };
const ALAN = RECIPIENTS.panel[1]!;
/** After Alan declined and Ada took his seat: the panel is Grace and Ada, and Alan has left it. */
const AFTER_REPLACEMENT: Recipients = { ...RECIPIENTS, panel: [RECIPIENTS.panel[0]!, ADA], former: [ALAN] };
const SEAT_FACTS: Partial<MessageFacts> = {
  panel: [
    { id: 'm1', name: 'Grace Hopper', timezone: 'America/New_York' },
    { id: 'm3', name: 'Ada Lovelace', timezone: 'Asia/Kolkata' },
    { id: 'm2', name: 'Alan Turing', timezone: 'Europe/London' },
  ],
};
const seat = { memberId: 'm2', replacement: null, proposals: [], replacementsSoFar: 0, replaceHours: 24, standInsExist: true };
const PROPOSALS = [
  { start: new Date('2026-12-11T15:00:00Z'), end: new Date('2026-12-11T16:00:00Z'), standIn: 'm3' },
  { start: new Date('2026-12-14T14:00:00Z'), end: new Date('2026-12-14T15:00:00Z'), standIn: 'm3' },
];

const scenarios: Scenario[] = [
  { name: 'invited', change: decideInvitation(INVITED, OFFERS, WEEK_BEFORE) },
  { name: 'booked-by-candidate', change: decideBooking(INVITED, { by: 'candidate', start: OFFERS[0]!.start }, WEEK_BEFORE)! },
  { name: 'booked-by-employer-in-person', change: decideBooking(INVITED, { by: 'employer', start: OFFERS[1]!.start }, WEEK_BEFORE)!, facts: { interview: { title: 'Onsite loop', durationMinutes: 60, location: '1 Market St, Floor 3', videoUrl: null } } },
  { name: 'moved-by-candidate-with-reason', change: decideBooking(SCHEDULED, { by: 'candidate', start: OFFERS[0]!.start, reason: 'transportation' }, WEEK_BEFORE)! },
  { name: 'moved-by-employer-no-reason', change: decideBooking(SCHEDULED, { by: 'employer', start: OFFERS[0]!.start }, WEEK_BEFORE)! },
  { name: 'moved-by-employer-with-reason', change: decideBooking(SCHEDULED, { by: 'employer', start: OFFERS[1]!.start, reason: 'interviewer_unavailable' }, LATE)! },
  { name: 'times-requested-scheduled', change: decideTimesRequest(SCHEDULED, { reason: 'schedule_conflict', note: 'Mornings I have school pickup.', offered: OFFERS }, WEEK_BEFORE) },
  { name: 'times-requested-invited-none-free', change: decideTimesRequest(INVITED, { offered: [] }, WEEK_BEFORE) },
  { name: 'cancelled-by-candidate-late', change: decideCancellation(SCHEDULED, { by: 'candidate', reason: 'family_emergency', words: 'I am so sorry to cancel at short notice.' }, LATE) },
  // A candidate declined the event in their calendar: the cancellation with reason "other", told as coming from the calendar.
  { name: 'cancelled-by-candidate-from-calendar', change: decideCancellation(SCHEDULED, { by: 'candidate', reason: 'other' }, WEEK_BEFORE), facts: { via: 'calendar' } },
  {
    name: 'cancelled-by-candidate-from-calendar-with-comment',
    change: decideCancellation(SCHEDULED, { by: 'candidate', reason: 'other', words: 'I accepted another offer, sorry.' }, WEEK_BEFORE),
    facts: { via: 'calendar' },
  },
  { name: 'cancelled-by-candidate-no-contacts', change: decideCancellation(SCHEDULED, { by: 'candidate', reason: 'accepted_offer' }, WEEK_BEFORE), recipients: NO_CONTACTS },
  { name: 'cancelled-by-employer-scheduled', change: decideCancellation(SCHEDULED, { by: 'employer', reason: 'scheduling_error', words: 'Our apologies for the confusion.' }, LATE) },
  { name: 'cancelled-by-employer-invited', change: decideCancellation({ ...INVITED }, { by: 'employer', reason: 'position_filled' }, WEEK_BEFORE) },
  { name: 'declined', change: decideDecline(INVITED, { reason: 'not_a_fit', keepInTouch: true, referral: { name: 'Robin Vale', email: 'robin@example.com' } }, WEEK_BEFORE) },
  {
    name: 'withdrawn',
    change: decideWithdrawal([{ ...SCHEDULED, title: 'Round 2 with CTO' }, { ...INVITED, title: 'Team lunch' }], { reason: 'accepted_offer' }, WEEK_BEFORE)[0]!,
  },
  { name: 'withdrawn-other-interview', change: decideWithdrawal([{ ...INVITED, title: 'Intro' }, { ...SCHEDULED, title: 'Round 2 with CTO' }], { reason: null }, WEEK_BEFORE)[1]!, primary: false },
  { name: 'no-show-candidate', change: decideClosing(SCHEDULED, { action: 'no_show', absent: { party: 'candidate' } }, AFTER) },
  { name: 'no-show-interviewer', change: { ...decideClosing(SCHEDULED, { action: 'no_show', absent: { party: 'interviewer', memberId: 'm2' } }, AFTER), offered: OFFERS } },
  { name: 'concern', change: decideConcern(SCHEDULED, { category: 'inappropriate_questions', details: 'I was asked about my plans to have children.' }, AFTER) },
  { name: 'seat-replaced', change: decideSeatDecline(SEATED, { ...seat, replacement: 'm3' }, WEEK_BEFORE), recipients: AFTER_REPLACEMENT, facts: SEAT_FACTS },
  { name: 'seat-proposed', change: decideSeatDecline(SEATED, { ...seat, proposals: PROPOSALS }, WEEK_BEFORE), facts: SEAT_FACTS },
  { name: 'seat-handed-over-close', change: decideSeatDecline(SEATED, seat, LATE), facts: SEAT_FACTS },
  {
    name: 'seat-handed-over-no-stand-in',
    change: decideSeatDecline(SEATED, { ...seat, standInsExist: false, note: 'Jury duty that week, sorry.' }, WEEK_BEFORE),
    facts: SEAT_FACTS,
  },
  { name: 'seat-handed-over-no-contacts', change: decideSeatDecline(SEATED, { ...seat, replacementsSoFar: 3 }, WEEK_BEFORE), recipients: { ...NO_CONTACTS, coordinator: { name: 'Casey Recruiter', address: 'casey@acme.test', timezone: 'America/Chicago' } }, facts: SEAT_FACTS },
];

function renderScenario(scenario: Scenario): string {
  const facts = factsFor(scenario.change, scenario.facts);
  return planEmails(scenario.change, scenario.recipients ?? RECIPIENTS, { primary: scenario.primary ?? true })
    .map((planned: PlannedEmail) => {
      // Each panelist's invitation carries their own link to decline the seat (issued per email by the app).
      const email = carriesSeatLink(planned) ? { ...planned, seatLink: `https://leeway.example/seat/lw_seat_FOR_${planned.memberId}` } : planned;
      const rendered = renderEmail(facts, email);
      const head = `=== ${email.kind} → ${email.to.address} (${email.audience}, ${email.timezone}) calendar: ${email.calendar ?? 'none'} reply-to: ${email.replyTo.address}`;
      return `${head}\nSubject: ${rendered.subject}\n\n${rendered.text}\n`;
    })
    .join('\n');
}

describe('rendered emails (golden files)', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
    await expect(renderScenario(scenario)).toMatchFileSnapshot(`./__golden__/${name}.txt`);
  });

  it('covers every email kind but the reminder (its own golden file)', () => {
    const kinds = new Set(scenarios.flatMap((s) => planEmails(s.change, s.recipients ?? RECIPIENTS, { primary: s.primary ?? true }).map((e) => e.kind)));
    // Waitlist emails are about offers of freed time, not interview changes: their renderers have their own tests.
    const waitlist = new Set<string>(WAITLIST_EMAIL_KINDS);
    expect(EMAIL_KINDS.filter((kind) => !kinds.has(kind) && !waitlist.has(kind))).toEqual(['reminder']);
  });

  it('reminder with a leave-by time and preparation', async () => {
    const change = decideBooking(INVITED, { by: 'candidate', start: OFFERS[0]!.start }, WEEK_BEFORE)!;
    const facts = {
      ...factsFor(change, { interview: { title: 'Onsite loop', durationMinutes: 60, location: '1 Market St, Floor 3', videoUrl: null } }),
      reminder: { sendAt: new Date('2026-12-13T14:00:00Z'), leaveBy: new Date('2026-12-14T13:15:00Z') },
    };
    const email: PlannedEmail = { kind: 'reminder', audience: 'candidate', to: RECIPIENTS.candidate, timezone: 'Europe/Berlin', replyTo: RECIPIENTS.candidateReplyTo!, canReply: true, calendar: null };
    const rendered = renderEmail(facts, email);
    expect(rendered.text).toContain('Leave by 2:15 PM');
    expect(rendered.text).toMatch(/To prepare: /);
    await expect(`Subject: ${rendered.subject}\n\n${rendered.text}\n`).toMatchFileSnapshot('./__golden__/reminder.txt');
  });
});
