import { candidateHoursFor, fitsHours } from '../../core/candidate-hours.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import { isDomainError } from '../../core/errors.ts';
import { OFFER_GRID_MINUTES, offerWindow } from '../../core/offers.ts';
import {
  MAX_PROPOSALS,
  MAX_REPLACEMENTS,
  assertSeatDeclinable,
  decideSeatDecline,
  declinedSeats,
  nearestTimes,
  panelAfter,
  rankStandIns,
  sharesPool,
  tooCloseToReplace,
  underLimits,
} from '../../core/panel/index.ts';
import type { StandInCandidate } from '../../core/panel/index.ts';
import type { Interview, Member, Organization, TimeRange } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { candidateLinkUrl, issueCandidateToken } from '../interviews/candidate-token.ts';
import { decisionContext } from '../interviews/decision-context.ts';
import { getInterviewOrThrow, loadParties } from '../interviews/parties.ts';
import { notifyChange } from '../notifications/notify-interview.ts';
import { findFreePanelSlots, assertPanelFree } from '../slots.ts';

const DAY = 86_400_000;

/** What happened to the seat; for a seat already declined for this time, what happened then (nothing is done again). */
export type SeatOutcome =
  | { outcome: 'replaced'; replacement: { id: string; name: string } }
  | { outcome: 'proposed'; proposals: Array<{ start: Date; end: Date; standIn: { id: string; name: string } }> }
  | { outcome: 'coordinator' };

/** How a decline is recorded: the panelist's own words (typed on their link, or a calendar COMMENT), and where it came from. */
export interface SeatDeclineRequest {
  reason?: string | null;
  via?: 'calendar';
  replyMessageId?: string | null;
}

/** Members who may stand in for the decliner: sharing a pool tag, not on the panel already, not declining that time themselves. */
async function poolMates(store: Store, interview: Interview, decliner: Member): Promise<Member[]> {
  if (decliner.pools.length === 0) return [];
  const everyone = await store.members.list(interview.organizationId);
  // Whoever declined a seat at this time cannot make it for anyone else either.
  const declined = await store.panelTokens.declinedDuring(interview.organizationId, interview.start!, interview.end!);
  return everyone.filter((m) => m.id !== decliner.id && !declined.has(m.id) && !interview.panel.includes(m.id) && sharesPool(decliner.pools, m.pools));
}

/** Starts of a member's scheduled interviews near an instant: enough to count its local day and week in any zone. */
async function scheduledNear(store: Store, organizationId: string, memberId: string, around: Date, spanDays: number): Promise<Date[]> {
  const interviews = await store.interviews.list(organizationId, {
    memberId,
    status: 'scheduled',
    from: new Date(around.getTime() - (spanDays + 8) * DAY),
    to: new Date(around.getTime() + (spanDays + 8) * DAY),
    limit: 500,
  });
  return interviews.flatMap((i) => (i.start ? [i.start] : []));
}

async function isFree(store: Store, organizationId: string, memberId: string, range: TimeRange): Promise<boolean> {
  try {
    await assertPanelFree(store, organizationId, { memberIds: [memberId], range });
    return true;
  } catch (error) {
    if (isDomainError(error, 'SLOT_TAKEN') || isDomainError(error, 'OUTSIDE_AVAILABILITY')) return false;
    throw error;
  }
}

/**
 * The nearest times (up to three) when the rest of the panel and one stand-in (under their limits then)
 * are free, clear of every other interview, inside the candidate's reasonable hours and clear of their
 * other interviews, in the one offer window. Nothing is moved to make room.
 */
async function proposeTimes(
  store: Store,
  organization: Organization,
  interview: Interview,
  decliner: Member,
  mates: Array<Member & { scheduled: Date[] }>,
  now: Date,
): Promise<Array<TimeRange & { standIn: string }>> {
  const candidate = (await store.candidates.get(organization.id, interview.candidateId))!;
  const window = offerWindow({ now });
  const hours = candidateHoursFor(candidate, organization);
  const busy = await store.interviews.candidateBusy(organization.id, candidate.id, window.from, window.to, interview.id);
  const others = interview.panel.filter((id) => id !== decliner.id);
  const found: Array<TimeRange & { standIn: string }> = [];
  for (const mate of mates) {
    const slots = await findFreePanelSlots(store, organization.id, {
      memberIds: [...others, mate.id],
      durationMinutes: interview.durationMinutes,
      from: window.from,
      to: window.to,
      stepMinutes: OFFER_GRID_MINUTES,
      excludeInterviewId: interview.id,
    });
    for (const slot of slots) {
      const range = { start: new Date(slot.start), end: new Date(slot.end) };
      if (!fitsHours(range, hours, candidate.timezone)) continue;
      if (busy.some((b) => b.start.getTime() < range.end.getTime() && range.start.getTime() < b.end.getTime())) continue;
      if (!underLimits({ timezone: mate.timezone, limits: mate.limits, scheduled: mate.scheduled }, range.start).ok) continue;
      found.push({ ...range, standIn: mate.id });
    }
  }
  // Nearest to the time that was agreed; of equal starts, the first stand-in in rank order.
  return nearestTimes(found, interview.start!, MAX_PROPOSALS);
}

async function history(store: Store, interview: Interview, change: InterviewChange, action: string, details: Record<string, unknown>, reason: string | null, messageId: string | null) {
  await store.interviews.appendHistory(interview.organizationId, interview.id, {
    at: change.at,
    actor: 'employer',
    action,
    noticeHours: change.notice?.hoursUntilStart ?? null,
    noticeClass: change.notice?.class ?? null,
    reason,
    messageId,
    details,
  });
}

/**
 * A panelist declines their seat, in one transaction: a stand-in from the decliner's pools who is free
 * and under their load limits takes it (only that seat changes: the stand-in is booked — the exclusion
 * constraint closes any race — the decliner's booking is released, the panel updated and the sequence
 * raised); otherwise the coordinator gets up to three proposed times, or the whole matter when the
 * interview is close or its panel has changed three times already. History: `panel_declined`, then
 * `panel_replaced` or `panel_handed_over`.
 */
export async function declineSeat(ctx: AppContext, organizationId: string, interviewId: string, memberId: string, input: SeatDeclineRequest): Promise<SeatOutcome> {
  const now = ctx.clock();
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  return ctx.store.transaction(async (store) => {
    const current = await getInterviewOrThrow(store, organizationId, interviewId, { forUpdate: true });
    assertSeatDeclinable(current, memberId, now);
    // A seat already declined for this time is not handed over again: the answer is what was decided then.
    const earlier = declinedSeats(await store.interviews.history(organizationId, current.id), current.panel, current.start).get(memberId);
    if (earlier) {
      if (earlier.left.outcome === 'coordinator') return { outcome: 'coordinator' };
      const standIns = new Map((await store.members.getMany(organizationId, [...new Set(earlier.left.proposals.map((p) => p.standIn))])).map((m) => [m.id, m.name]));
      return {
        outcome: 'proposed',
        proposals: earlier.left.proposals.map((p) => ({ start: p.start, end: p.end, standIn: { id: p.standIn, name: standIns.get(p.standIn) ?? '' } })),
      };
    }
    const organization = (await store.organizations.get(organizationId))!;
    const decliner = (await store.members.get(organizationId, memberId))!;
    const range = { start: current.start!, end: current.end! };
    const replacementsSoFar = await store.panelTokens.replacementsOf(organizationId, current.id);

    let replacement: string | null = null;
    let proposals: Array<TimeRange & { standIn: string }> = [];
    // Past the replacements allowed the coordinator takes over whoever could stand in.
    let standInsExist = true;
    if (replacementsSoFar < MAX_REPLACEMENTS) {
      const mates = await poolMates(store, current, decliner);
      standInsExist = mates.length > 0;
      const lastBooked = await store.interviews.lastBookedAt(organizationId, mates.map((m) => m.id));
      const withLoad: Array<Member & { scheduled: Date[] }> = [];
      const candidates: StandInCandidate[] = [];
      for (const mate of mates) {
        const scheduled = await scheduledNear(store, organizationId, mate.id, range.start, 0);
        withLoad.push({ ...mate, scheduled });
        candidates.push({
          id: mate.id,
          timezone: mate.timezone,
          pools: mate.pools,
          limits: mate.limits,
          scheduled,
          lastBookedAt: lastBooked.get(mate.id) ?? null,
          free: await isFree(store, organizationId, mate.id, range),
        });
      }
      const ranked = rankStandIns({ decliner, panel: current.panel, at: range.start, candidates });
      replacement = ranked[0]?.id ?? null;
      if (!replacement && !tooCloseToReplace(range.start, now, organization.replaceHours)) {
        // Load over the whole offer window, ranked mates first so equal times go to the best stand-in.
        const order = new Map(rankStandIns({ decliner, panel: current.panel, at: range.start, candidates: candidates.map((c) => ({ ...c, free: true })) }).map((r, i) => [r.id, i]));
        const spread: Array<Member & { scheduled: Date[] }> = [];
        for (const mate of withLoad) spread.push({ ...mate, scheduled: await scheduledNear(store, organizationId, mate.id, range.start, 16) });
        spread.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || (a.id < b.id ? -1 : 1));
        proposals = await proposeTimes(store, organization, current, decliner, spread, now);
      }
    }

    const change = decideSeatDecline(
      current,
      { memberId, replacement, proposals, replacementsSoFar, replaceHours: organization.replaceHours, standInsExist, note: reason },
      decisionContext(organization, now),
    );
    const seat = change.seat!;
    let interview = current;
    const former: Member[] = [];
    if (change.kind === 'panel_replaced') {
      await store.interviews.bookPanel(organizationId, current.id, [seat.replacement!], range);
      await store.interviews.releaseSeatBooking(organizationId, current.id, memberId);
      await store.panelTokens.revoke(organizationId, current.id, memberId);
      interview = await store.interviews.update(organizationId, current.id, { panel: panelAfter(current.panel, change), sequence: change.after.sequence }, now);
      former.push(decliner);
      // The decliner's hour is not offered to the waitlist: they have just said they cannot make it.
    }
    const parties = await loadParties(store, interview);
    const named = await store.members.getMany(organizationId, [...new Set(seat.proposals.map((p) => p.standIn))]);
    // The candidate's updated event keeps a way to change it (their email only names the new panelist).
    const link = change.kind === 'panel_replaced' ? candidateLinkUrl(ctx, await issueCandidateToken(ctx, store, interview)) : null;
    const messageIds = await notifyChange(ctx, store, parties, change, { former, named, link });
    const messageId = messageIds[0] ?? null;

    const source = { ...(input.via ? { via: input.via } : {}), ...(input.replyMessageId ? { replyMessageId: input.replyMessageId } : {}) };
    await history(store, interview, change, 'panel_declined', { memberId, reason, forStart: range.start.toISOString(), ...source, ...(seat.proposals.length > 0 ? { proposals: seat.proposals.map((p) => ({ start: p.start.toISOString(), end: p.end.toISOString(), standIn: p.standIn })) } : {}) }, null, change.kind === 'panel_replaced' ? null : messageId);
    if (change.kind === 'panel_replaced') {
      await history(store, interview, change, 'panel_replaced', { from: memberId, to: seat.replacement, ...(messageIds.length > 1 ? { messageIds } : {}) }, null, messageId);
      const stand = parties.panel.find((m) => m.id === seat.replacement)!;
      return { outcome: 'replaced', replacement: { id: stand.id, name: stand.name } };
    }
    if (seat.handedOver) {
      await history(store, interview, change, 'panel_handed_over', { memberId, because: seat.handedOver }, null, null);
      return { outcome: 'coordinator' };
    }
    const names = new Map(named.map((m) => [m.id, m.name]));
    return { outcome: 'proposed', proposals: seat.proposals.map((p) => ({ start: p.start, end: p.end, standIn: { id: p.standIn, name: names.get(p.standIn) ?? '' } })) };
  });
}

/** What a panelist sees behind their link: their seat, and whether they can still decline it. */
export interface SeatView {
  interview: { id: string; title: string; status: string; start: Date | null; end: Date | null; startLocal: string | null; candidateName: string; openingTitle: string; organizationName: string };
  member: { id: string; name: string; timezone: string };
  canDecline: boolean;
}
