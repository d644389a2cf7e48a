import { withinCandidateHours } from '../../core/candidate-hours.ts';
import { decideBooking } from '../../core/decisions/decide.ts';
import { formatSlot, labelZone } from '../../core/format-time.ts';
import { classifyNotice, employerNotice } from '../../core/notice-policy.ts';
import type { EmployerNotice } from '../../core/notice-policy.ts';
import { ceilToGrid } from '../../core/offers.ts';
import type { NoticeClass } from '../../core/types.ts';
import { planEmails } from '../../core/messages/index.ts';
import type { Audience } from '../../core/messages/index.ts';
import type { AppContext } from '../context.ts';
import { findFreePanelSlots } from '../slots.ts';
import { decisionContext } from './decision-context.ts';
import { getInterviewOrThrow, loadParties } from './parties.ts';
import { recipientsOf } from '../notifications/notify-interview.ts';

const MINUTE = 60_000;

export interface RescheduleOption {
  start: Date;
  end: Date;
  /** Inside the hours the candidate can reasonably be asked to interview in, in their own zone. */
  withinCandidateHours: boolean;
  /** The candidate has another interview then. */
  candidateBusy: boolean;
  /** The start as the candidate reads it: "Monday, December 14 at 10:00 AM EST". */
  candidateLocal: string;
  /** How much notice the candidate would have of this new time, by the organization's thresholds. */
  notice: NoticeClass;
}

export interface RescheduleOptions {
  candidate: { name: string; timezone: string; zoneLabel: string };
  durationMinutes: number;
  options: RescheduleOption[];
  /** The notice a move gives the candidate of the change to the time they hold, and what to do about it; null for an interview with no time yet. */
  notice: EmployerNotice | null;
  /** Who is told of a move, with what: planned by the same code that writes the emails. */
  told: Array<{ role: Audience; name: string; address: string; kind: string; calendar: 'REQUEST' | 'CANCEL' | null }>;
}

const DEFAULT_STEP_MINUTES = 30;

/**
 * Where the search for options starts; options fall on a grid anchored there. A start on a whole minute is
 * kept as the employer gave it. Now, or a start with seconds (a pasted instant), is rounded up to the step,
 * so options read "12:30", never "12:00:37", and the move the options preview is one a booking accepts.
 */
export function rescheduleWindowStart(now: Date, from: Date | undefined, stepMinutes = DEFAULT_STEP_MINUTES): Date {
  if (from && from.getTime() % MINUTE === 0) return from;
  return ceilToGrid(from ?? now, stepMinutes);
}

/**
 * Times the whole panel is free to move the interview to (its own bookings aside), each marked against
 * the candidate's reasonable hours and other interviews, and the people a move would tell. Refuses
 * as a reschedule would when the interview cannot be moved.
 */
export async function rescheduleOptions(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  requested: { from: Date; to: Date; stepMinutes?: number },
): Promise<RescheduleOptions> {
  const now = ctx.clock();
  const window = { ...requested, from: rescheduleWindowStart(now, requested.from, requested.stepMinutes) };
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  const parties = await loadParties(ctx.store, interview);
  const { organization, candidate } = parties;
  const slots = await findFreePanelSlots(ctx.store, organizationId, {
    memberIds: interview.panel,
    durationMinutes: interview.durationMinutes,
    from: window.from,
    to: window.to,
    ...(window.stepMinutes ? { stepMinutes: window.stepMinutes } : {}),
    excludeInterviewId: interview.id,
  });
  const ahead = slots.filter((slot) => slot.start > now.getTime() && slot.start !== interview.start?.getTime());
  const busy = await ctx.store.interviews.candidateBusy(organizationId, candidate.id, window.from, window.to, interview.id);

  // Who hears of a move does not depend on which time is picked: plan it for the first time on offer
  // (or, with none, a minute from now) exactly as the reschedule would.
  const sample = ahead[0]?.start ?? Math.ceil((now.getTime() + 1) / MINUTE) * MINUTE;
  const change = decideBooking(interview, { by: 'employer', start: new Date(sample), reason: null }, decisionContext(organization, now));
  const planned = change ? planEmails(change, recipientsOf(parties, ctx), { primary: true }) : [];

  return {
    candidate: { name: candidate.name, timezone: candidate.timezone, zoneLabel: labelZone(candidate.timezone) },
    durationMinutes: interview.durationMinutes,
    options: ahead.map((slot) => {
      const range = { start: new Date(slot.start), end: new Date(slot.end) };
      return {
        ...range,
        withinCandidateHours: withinCandidateHours(range, candidate, organization),
        candidateBusy: busy.some((b) => b.start < range.end && range.start < b.end),
        candidateLocal: formatSlot(range.start, candidate.timezone),
        notice: classifyNotice({ at: now, start: range.start, policy: organization.noticePolicy }).class,
      };
    }),
    notice: interview.start ? employerNotice({ at: now, start: interview.start, policy: organization.noticePolicy, candidate }) : null,
    told: planned.map((email) => ({ role: email.audience, name: email.to.name, address: email.to.address, kind: email.kind, calendar: email.calendar })),
  };
}
