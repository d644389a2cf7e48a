import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideBooking, decideCancellation, decideClosing, decideConcern, decideDecline, decideTimesRequest, decideWithdrawal } from '../decisions/decide.ts';
import type { DecisionContext, InterviewSnapshot } from '../decisions/decide.ts';
import type { InterviewChange } from '../decisions/interview-change.ts';
import { isDomainError } from '../errors.ts';
import { reviewDraft } from '../etiquette/index.ts';
import type { ComposeKind } from '../etiquette/index.ts';
import { formatWhen } from '../format-time.ts';
import { decideSeatDecline, panelAfter } from '../panel/decide-seat.ts';
import { decideReminder } from '../reminders.ts';
import { CANDIDATE_REASONS, EMPLOYER_REASONS, REASONS, reasonPhrase } from '../reasons.ts';
import type { ReasonCode } from '../reasons.ts';
import { carriesSeatLink } from './email-kinds.ts';
import type { EmailKind, PlannedEmail } from './email-kinds.ts';
import type { MessageFacts } from './message-facts.ts';
import { planEmails } from './plan-emails.ts';
import type { Recipients } from './plan-emails.ts';
import { renderEmail } from './render-email.ts';

/**
 * Random sequences of candidate and employer actions, on random policies, zones and contact data: every
 * email each decision plans is rendered and checked against that decision.
 */

const HOUR = 3_600_000;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Los_Angeles'];
const WORDS = ['Thank you for understanding.', 'I appreciate your flexibility.', 'Many thanks for your time.'];

type Step =
  | { type: 'book'; by: 'candidate' | 'employer'; inHours: number; reason: ReasonCode | null }
  | { type: 'times'; reason: ReasonCode | null; note: string | null; offers: number }
  | { type: 'cancel'; by: 'candidate' | 'employer'; reason: ReasonCode | null; words: string | null; calledAhead: boolean }
  | { type: 'decline'; reason: ReasonCode | null; keepInTouch: boolean }
  | { type: 'withdraw'; reason: ReasonCode | null }
  | { type: 'no_show'; party: 'candidate' | 'interviewer' }
  | { type: 'concern' }
  | { type: 'seat'; seat: number; standIn: boolean; proposals: number; replacementsSoFar: number; alone: boolean }
  | { type: 'wait'; hours: number }
  | { type: 'remind'; hoursBefore: number[]; settledHoursAgo: number; dueHoursAgo: number };

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const candidateReason = maybe(fc.constantFrom(...CANDIDATE_REASONS));
const employerReason = maybe(fc.constantFrom(...EMPLOYER_REASONS));

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('book' as const), by: fc.constantFrom('candidate' as const, 'employer' as const), inHours: fc.integer({ min: 1, max: 400 }), reason: candidateReason }),
  fc.record({ type: fc.constant('times' as const), reason: candidateReason, note: maybe(fc.constantFrom('Mornings I have school pickup.', 'Any afternoon works.')), offers: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constant('cancel' as const), by: fc.constantFrom('candidate' as const, 'employer' as const), reason: fc.oneof(candidateReason, employerReason), words: maybe(fc.constantFrom(...WORDS)), calledAhead: fc.boolean() }),
  fc.record({ type: fc.constant('decline' as const), reason: candidateReason, keepInTouch: fc.boolean() }),
  fc.record({ type: fc.constant('withdraw' as const), reason: candidateReason }),
  fc.record({ type: fc.constant('no_show' as const), party: fc.constantFrom('candidate' as const, 'interviewer' as const) }),
  fc.constant({ type: 'concern' as const }),
  fc.record({ type: fc.constant('seat' as const), seat: fc.nat(5), standIn: fc.boolean(), proposals: fc.integer({ min: 0, max: 3 }), replacementsSoFar: fc.integer({ min: 0, max: 4 }), alone: fc.boolean() }),
  fc.record({ type: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    type: fc.constant('remind' as const),
    hoursBefore: fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 3 }),
    settledHoursAgo: fc.integer({ min: 1, max: 96 }),
    dueHoursAgo: fc.integer({ min: 0, max: 95 }),
  }),
);

const world = fc.record({
  candidateZone: fc.constantFrom(...ZONES),
  panelZones: fc.array(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 3 }),
  orgZone: fc.constantFrom(...ZONES),
  phone: maybe(fc.constant('+15550100')),
  contactEmail: fc.boolean(),
  policy: fc.constantFrom({ ampleHours: 48, adequateHours: 24 }, { ampleHours: 72, adequateHours: 48 }, { ampleHours: 300, adequateHours: 250 }, { ampleHours: 12, adequateHours: 2 }),
  invitedFirst: fc.boolean(),
  location: maybe(fc.constant('1 Market St')),
  steps: fc.array(step, { minLength: 1, maxLength: 10 }),
});

const DATE_IN_TEXT = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2} at \d{1,2}:\d{2} [AP]M [^\n.,;]*?\((?:[^)]+ time|UTC)\)|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2} at \d{1,2}:\d{2} [AP]M UTC/g;

/** The reviewer's kind for what an email says on the employer's behalf to the candidate. */
const REVIEWED_AS: Partial<Record<EmailKind, ComposeKind>> = {
  employer_cancellation: 'employer_cancel',
  invitation_withdrawn: 'employer_cancel',
  moved_by_employer: 'employer_reschedule',
  interviewer_no_show_apology: 'employer_cancel',
  no_show_followup: 'no_show_followup',
};

const ALL_PHRASES = (Object.keys(REASONS) as ReasonCode[]).map((code) => reasonPhrase(code)!);

function datesIn(text: string): string[] {
  return [...text.matchAll(DATE_IN_TEXT)].map((m) => m[0]);
}

function check(change: InterviewChange, email: PlannedEmail, facts: MessageFacts, holders: Set<string>): void {
  const { subject, text } = renderEmail(facts, email);
  const whole = `${subject}\n${text}`;
  const where = `${email.kind} to ${email.to.address} after ${change.kind} by ${change.by}:\n${subject}\n\n${text}`;

  // No reason unless one was given; never another reason's phrase.
  // (A concern names its own category, not a reason.)
  for (const code of change.kind === 'concern' ? [] : (Object.keys(REASONS) as ReasonCode[])) {
    if (code !== change.reason) expect(whole.includes(reasonPhrase(code)!), `${where}\n(phrase of ${code})`).toBe(false);
  }
  if (change.reason === null) {
    expect(whole, where).not.toMatch(/Reason given:|because of/);
  }

  // No time unless one exists, and every time in the reader's own zone (the team's zone only where a
  // line says it is the team's).
  const instants = [
    change.before.start,
    change.after.start,
    ...change.offered.map((s) => s.start),
    ...change.alsoEnded.map((e) => e.start),
    ...(change.seat?.proposals ?? []).map((p) => p.start),
  ].filter(
    (d): d is Date => d !== null,
  );
  for (const line of whole.split('\n')) {
    const zone = line.startsWith(`For ${facts.organization.name}, that is`) ? facts.organization.timezone : email.timezone;
    const known = instants.map((d) => formatWhen(d, zone));
    for (const date of datesIn(line)) {
      expect(known.some((k) => k === date || k.startsWith(date)), `${where}\n(date ${date} not a time of this change in ${zone})`).toBe(true);
    }
  }
  if (change.before.start === null && change.after.start === null && change.offered.length === 0 && change.alsoEnded.every((e) => !e.start)) {
    expect(datesIn(whole), where).toEqual([]);
  }

  // Tense: what is done is stated as done, never proposed.
  if (email.audience === 'candidate' && ['booked', 'moved', 'cancelled', 'withdrawn', 'declined'].includes(change.kind)) {
    expect(text, where).not.toMatch(/Would (one of )?these times work|Would you be available/);
  }
  if (email.kind === 'moved_by_employer') expect(text, where).toMatch(/It is now on .+, instead of /);

  // Calendars: a CANCEL only to someone holding the event; a REQUEST makes them hold it.
  if (email.calendar === 'CANCEL') expect(holders.has(email.to.address), `${where}\n(CANCEL to a non-holder)`).toBe(true);

  // A way to answer: Reply-To always, and no promise of a reply channel that does not exist.
  expect(email.replyTo.address, where).toMatch(/@/);
  if (!email.canReply) expect(text, where).not.toMatch(/reply to this email/i);

  // Nothing after the signature.
  const lines = text.split('\n');
  expect(lines.at(-1), where).toBe(email.audience === 'hr' ? `${facts.organization.name} interview scheduling` : `${facts.organization.name} recruiting`);
  expect(lines.at(-2), where).toMatch(/,$/);

  // The candidate's link only in the candidate's own emails.
  if (email.audience !== 'candidate') expect(text, where).not.toContain('lw_cand_');

  // A panelist's seat link only in that panelist's own invitation, and in every one of them.
  const seatLinks = [...text.matchAll(/lw_seat_FOR_(\w+)/g)].map((m) => m[1]);
  expect(seatLinks, where).toEqual(carriesSeatLink(email) ? [email.memberId] : []);
  if (carriesSeatLink(email)) expect(text, where).toContain(`Can't make it? Decline your seat here: https://leeway.example/seat/lw_seat_FOR_${email.memberId}`);

  // The candidate hears only what changes for them when a panelist is replaced: a name, no cancellation.
  if (email.kind === 'panel_change_candidate') {
    expect(text, where).not.toMatch(/cancel|declin|can't make|no longer|unable|sorry/i);
    expect(email.calendar, where).toBe('REQUEST');
  }
  if (change.kind === 'panel_declined') expect(email.audience, where).not.toBe('candidate');

  // A reminder reminds of a time still ahead, says when to leave only for an interview in person, and
  // changes nobody's calendar.
  if (change.kind === 'reminder_due') {
    expect(email.kind, where).toBe('reminder');
    expect(change.after.status === 'scheduled' && change.after.start!.getTime() > change.at.getTime(), where).toBe(true);
    expect(text.includes('Leave by '), where).toBe(Boolean(facts.reminder?.leaveBy));
    expect(email.calendar, where).toBeNull();
  }

  // What Leeway says on the employer's behalf passes the reviewer with no error.
  const kind = REVIEWED_AS[email.kind];
  if (kind) {
    const errors = reviewDraft({ kind, text }).findings.filter((f) => f.severity === 'error');
    expect(errors, where).toEqual([]);
  }
}

describe('every message is true to the decision it was rendered from', () => {
  it('holds for random sequences of actions, policies, zones and contact data', () => {
    let reminded = 0;
    fc.assert(
      fc.property(world, (w) => {
        let now = new Date('2026-12-01T12:00:00Z');
        let interview: InterviewSnapshot = { status: 'invited', start: null, end: null, sequence: 0, durationMinutes: 60, candidatePartstat: 'needs-action' };
        const holders = new Set<string>();
        const recipients: Recipients = {
          candidate: { name: 'Sam Rivera', address: 'sam@example.com', timezone: w.candidateZone },
          panel: w.panelZones.map((zone, i) => ({ id: `m${i}`, name: `Panelist ${i} Doe`, address: `p${i}@acme.test`, timezone: zone })),
          coordinator: w.contactEmail ? { name: 'Acme recruiting', address: 'jobs@acme.test', timezone: w.orgZone } : null,
          hr: w.contactEmail ? { name: 'Acme HR', address: 'hr@acme.test', timezone: w.orgZone } : null,
          candidateReplyTo: w.contactEmail ? { name: 'Acme recruiting', address: 'jobs@acme.test' } : null,
          sender: { name: 'Acme', address: 'no-reply@leeway.example' },
        };
        const steps: Step[] = w.invitedFirst ? w.steps : [{ type: 'book', by: 'employer', inHours: 100, reason: null }, ...w.steps];
        // Colleagues who may stand in for a declined seat, one fresh one per replacement.
        let standIns = 0;
        const everyone = new Map(recipients.panel.map((m) => [m.id, m]));
        for (const s of steps) {
          let to: Recipients = recipients;
          const ctx: DecisionContext = { now, policy: w.policy, contactPhone: w.phone };
          const offers = (n: number) => Array.from({ length: n }, (_, i) => ({ start: new Date(now.getTime() + (30 + 24 * i) * HOUR), end: new Date(now.getTime() + (31 + 24 * i) * HOUR) }));
          let change: InterviewChange | null = null;
          let reminder: MessageFacts['reminder'];
          try {
            switch (s.type) {
              case 'wait':
                now = new Date(now.getTime() + s.hours * HOUR);
                continue;
              case 'remind': {
                // The reminder times of the last `settledHoursAgo` hours are owed, if still ahead of the start.
                const where = { location: w.location, videoUrl: w.location ? null : 'https://meet.example.com/x' };
                const remindedThrough = new Date(now.getTime() - s.settledHoursAgo * HOUR);
                // Besides the random hours, one whose time came `dueHoursAgo` hours ago (if the settled ones leave it owed).
                const toStart = interview.start ? Math.floor((interview.start.getTime() - now.getTime()) / HOUR) : null;
                const hoursBefore = toStart !== null && toStart > 0 ? [...s.hoursBefore, toStart + Math.min(s.dueHoursAgo, s.settledHoursAgo - 1)] : s.hoursBefore;
                const decision = decideReminder({ interview: { ...interview, ...where }, hoursBefore, remindedThrough, now });
                change = decision?.change ?? null;
                reminder = decision?.reminder;
                if (decision) reminded += 1;
                break;
              }
              case 'book':
                change = decideBooking(interview, { by: s.by, start: new Date(Math.ceil((now.getTime() + s.inHours * HOUR) / (15 * 60_000)) * 15 * 60_000), reason: s.reason }, ctx);
                break;
              case 'times':
                change = decideTimesRequest(interview, { reason: s.reason, note: s.note, offered: offers(s.offers) }, ctx);
                break;
              case 'cancel':
                change = decideCancellation(interview, { by: s.by, reason: s.reason, words: s.words, calledAhead: s.calledAhead }, ctx);
                break;
              case 'decline':
                change = decideDecline(interview, { reason: s.reason, keepInTouch: s.keepInTouch }, ctx);
                break;
              case 'withdraw':
                change = decideWithdrawal([{ ...interview, title: 'Final round' }], { reason: s.reason }, ctx)[0]!;
                break;
              case 'no_show': {
                const absent = s.party === 'interviewer' ? { party: 'interviewer' as const, memberId: 'm0' } : { party: 'candidate' as const };
                change = decideClosing(interview, { action: 'no_show', absent }, ctx);
                if (s.party === 'interviewer') change.offered = offers(2);
                break;
              }
              case 'concern':
                change = decideConcern(interview, { category: 'other', details: 'The interviewer was late.' }, ctx);
                break;
              case 'seat': {
                const panel = recipients.panel.map((m) => m.id);
                const declined = panel[s.seat % panel.length]!;
                const replacement = s.standIn ? `s${standIns}` : null;
                const proposals = offers(s.proposals).map((o) => ({ ...o, standIn: `s${standIns}` }));
                change = decideSeatDecline({ ...interview, panel }, { memberId: declined, replacement, proposals, replacementsSoFar: s.replacementsSoFar, replaceHours: 24, standInsExist: s.standIn || s.proposals > 0 || !s.alone }, ctx);
                const newcomer = { id: `s${standIns}`, name: `Stand In${standIns}`, address: `s${standIns}@acme.test`, timezone: ZONES[standIns % ZONES.length]! };
                everyone.set(newcomer.id, newcomer);
                standIns += 1;
                if (change.kind === 'panel_replaced') {
                  const after = panelAfter(panel, change).map((id) => everyone.get(id)!);
                  to = { ...recipients, panel: after, former: [everyone.get(declined)!] };
                }
                break;
              }
            }
          } catch (error) {
            if (isDomainError(error)) continue;
            throw error;
          }
          if (!change) continue;
          const facts: MessageFacts = {
            change,
            organization: { name: 'Acme', timezone: w.orgZone, contactPhone: w.phone, contactEmail: w.contactEmail ? 'jobs@acme.test' : null, noticePolicy: w.policy },
            openingTitle: 'Data Engineer',
            interview: { title: 'Final round', durationMinutes: 60, location: w.location, videoUrl: w.location ? null : 'https://meet.example.com/x' },
            candidate: { name: 'Sam Rivera', email: 'sam@example.com', timezone: w.candidateZone },
            panel: [...everyone.values()].map((m) => ({ id: m.id, name: m.name, timezone: m.timezone })),
            link: 'https://leeway.example/c/lw_cand_PROPERTYTESTTOKEN',
            ...(reminder ? { reminder } : {}),
          };
          for (const planned of planEmails(change, to)) {
            const email = carriesSeatLink(planned) ? { ...planned, seatLink: `https://leeway.example/seat/lw_seat_FOR_${planned.memberId}` } : planned;
            check(change, email, facts, holders);
            if (email.calendar === 'CANCEL') holders.delete(email.to.address);
            if (email.calendar === 'REQUEST') holders.add(email.to.address);
          }
          recipients.panel = to.panel;
          // After the change, exactly the people of an interview that has (or had, once it took place) a
          // time hold its event; a withdrawn, cancelled or declined one is in nobody's calendar.
          if (['scheduled', 'completed', 'no_show', 'ended_early'].includes(change.after.status)) {
            expect([...holders].sort()).toEqual([recipients.candidate.address, ...recipients.panel.map((p) => p.address)].sort());
          } else {
            expect([...holders]).toEqual([]);
          }
          interview = { ...change.after, durationMinutes: 60 };
        }
      }),
      { numRuns: 300 },
    );
    // The runs did remind, so the reminder's checks above were made.
    expect(reminded).toBeGreaterThan(20);
  });

  it('knows every reason phrase, so the check above cannot miss one', () => {
    expect(ALL_PHRASES.every((phrase) => phrase.length > 3)).toBe(true);
  });
});
