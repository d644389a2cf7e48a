import { candidateHoursFor, fitsHours } from '../../core/candidate-hours.ts';
import { OFFER_GRID_MINUTES, OFFER_LEAD_HOURS, offerWindow, pickSpreadSlots } from '../../core/offers.ts';
import type { Candidate, Organization, TimeRange } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import { findFreePanelSlots } from '../slots.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface OfferRequest {
  organization: Organization;
  candidate: Candidate;
  panel: string[];
  durationMinutes: number;
  now: Date;
  /** The employer's window, if any. */
  from?: Date | undefined;
  to?: Date | undefined;
  count: number;
  /** The interview being moved: its own bookings do not block it. */
  excludeInterviewId?: string | null;
  /** The field the window came from, for errors. */
  path?: string;
  /** The earliest fitting times instead of times spread over the window (to move a little, not far). */
  nearest?: boolean;
  /** A time not to offer anything overlapping: the interview's own current time, when moving it. */
  avoid?: TimeRange | null;
}

function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * Times to offer a candidate: inside the one offer window, on the quarter hour, when the whole panel is
 * free, inside the candidate's reasonable hours in their zone and clear of their other interviews, spread
 * over the window.
 */
export async function findOffers(store: Store, request: OfferRequest): Promise<TimeRange[]> {
  const window = offerWindow({ now: request.now, from: request.from, to: request.to, ...(request.path ? { path: request.path } : {}) });
  const slots = await findFreePanelSlots(store, request.organization.id, {
    memberIds: request.panel,
    durationMinutes: request.durationMinutes,
    from: window.from,
    to: window.to,
    stepMinutes: OFFER_GRID_MINUTES,
    ...(request.excludeInterviewId ? { excludeInterviewId: request.excludeInterviewId } : {}),
  });
  const hours = candidateHoursFor(request.candidate, request.organization);
  const busy = await store.interviews.candidateBusy(request.organization.id, request.candidate.id, window.from, window.to, request.excludeInterviewId ?? null);
  const fitting = slots.filter((slot) => {
    const range = { start: new Date(slot.start), end: new Date(slot.end) };
    return fitsHours(range, hours, request.candidate.timezone) && !busy.some((b) => overlaps(b, range)) && !(request.avoid && overlaps(request.avoid, range));
  });
  return (request.nearest ? fitting.slice(0, request.count) : pickSpreadSlots(fitting, request.count)).map((slot) => ({ start: new Date(slot.start), end: new Date(slot.end) }));
}

/**
 * The offered times that are still free for the whole panel and the candidate, and still ahead: offers go
 * stale when another candidate takes one, so they are checked whenever they are shown or accepted.
 */
export async function stillFreeOffers(
  store: Store,
  interview: { id: string; organizationId: string; candidateId: string; panel: string[]; durationMinutes: number },
  offered: TimeRange[],
  now: Date,
): Promise<TimeRange[]> {
  const ahead = offered.filter((slot) => slot.start.getTime() > now.getTime());
  if (ahead.length === 0) return [];
  const from = new Date(Math.min(...ahead.map((s) => s.start.getTime())));
  const to = new Date(Math.max(...ahead.map((s) => s.end.getTime())));
  const busy = await store.interviews.candidateBusy(interview.organizationId, interview.candidateId, from, to, interview.id);
  const free: TimeRange[] = [];
  for (const slot of ahead) {
    if (busy.some((b) => overlaps(b, slot))) continue;
    const found = await findFreePanelSlots(store, interview.organizationId, {
      memberIds: interview.panel,
      durationMinutes: interview.durationMinutes,
      stepMinutes: Math.max(5, Math.min(1440, Math.round((slot.end.getTime() - slot.start.getTime()) / MINUTE))),
      from: slot.start,
      to: slot.end,
      excludeInterviewId: interview.id,
    });
    if (found.some((s) => s.start === slot.start.getTime())) free.push(slot);
  }
  return free;
}

/**
 * Whether the candidate may still pick this time themselves: the booking decision refuses a candidate's
 * own pick inside the offer lead (the panel's notice), so an offered time that has come that close is
 * no longer one to show them.
 */
export function candidateMayPick(slot: TimeRange, now: Date): boolean {
  return slot.start.getTime() >= now.getTime() + OFFER_LEAD_HOURS * HOUR;
}

/** The offered times the candidate can accept now: still free, and far enough ahead for their own pick. */
export async function acceptableOffers(
  store: Store,
  interview: { id: string; organizationId: string; candidateId: string; panel: string[]; durationMinutes: number },
  offered: TimeRange[],
  now: Date,
): Promise<TimeRange[]> {
  return stillFreeOffers(store, interview, offered.filter((slot) => candidateMayPick(slot, now)), now);
}
