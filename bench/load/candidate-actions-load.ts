import type { ApiClient } from './api-client.ts';
import type { BookingFixture } from './booking-load.ts';
import { combineLoads, driveRequests, inParallel } from './drive-requests.ts';
import type { LoadResult, PreparedRequest } from './drive-requests.ts';

export const CANDIDATE_ACTIONS = ['cancel', 'reschedule', 'accept'] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

const DURATION_MINUTES = 60;
const HOUR = 3_600_000;
/** Interviews start at 09:00, 11:00, 13:00 or 15:00 UTC; a reschedule moves one hour later, into a free hour. */
const START_HOURS = [9, 11, 13, 15];
/** Far enough ahead for ample notice and for offers (which start at least 24 hours out). */
const FIRST_DAY_OFFSET = 3;
const SEEDING_CONNECTIONS = 16;

/** An interview made ready for one candidate action, and the request that takes it. */
export interface PreparedAction {
  interviewId: string;
  request: PreparedRequest;
}

export type PreparedActions = Record<CandidateAction, PreparedAction[]>;

export interface ActionLoadResult extends LoadResult {
  action: CandidateAction;
  /** Interviews prepared for it (the most it could act on). */
  prepared: number;
  /** The booking slices run next to this action's slices, as one load: what its ratio is taken against. */
  besideBookings: LoadResult;
}

interface PlannedInterview {
  action: CandidateAction;
  /** Body of `POST /api/v1/interviews`. */
  create: Record<string, unknown>;
  /** Path under the candidate link and body of the action. */
  act: { path: CandidateAction; body: Record<string, unknown> };
}

/**
 * `perAction` interviews for each action on the fixture's interviewers, none in another's way: each takes
 * its own interviewer and hour (weekdays from three days on), the next hour left free for a reschedule to
 * move into, and candidates rotate so none has two interviews at one time. Cancel and reschedule start
 * from a booked interview; accept from an invitation offering exactly that hour.
 */
function planInterviews(fixture: BookingFixture, now: Date, perAction: number): PlannedInterview[] {
  const planned: PlannedInterview[] = [];
  const total = perAction * CANDIDATE_ACTIONS.length;
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + FIRST_DAY_OFFSET));
  for (; planned.length < total; day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    for (const hour of START_HOURS) {
      for (const memberId of fixture.memberIds) {
        if (planned.length === total) break;
        const action = CANDIDATE_ACTIONS[planned.length % CANDIDATE_ACTIONS.length]!;
        const start = new Date(day.getTime() + hour * HOUR);
        const candidateId = fixture.candidateIds[planned.length % fixture.candidateIds.length]!;
        const base = { openingId: fixture.openingId, candidateId, title: `Interview to ${action}`, durationMinutes: DURATION_MINUTES, panel: [memberId] };
        planned.push(plan(action, base, start));
      }
    }
  }
  return planned;
}

function plan(action: CandidateAction, base: Record<string, unknown>, start: Date): PlannedInterview {
  const iso = start.toISOString();
  switch (action) {
    case 'cancel':
      return { action, create: { ...base, start: iso }, act: { path: 'cancel', body: { reason: 'schedule_conflict' } } };
    case 'reschedule':
      return {
        action,
        create: { ...base, start: iso },
        act: { path: 'reschedule', body: { start: new Date(start.getTime() + HOUR).toISOString(), reason: 'schedule_conflict' } },
      };
    case 'accept':
      return {
        action,
        create: { ...base, offer: { from: iso, to: new Date(start.getTime() + DURATION_MINUTES * 60_000).toISOString(), count: 1 } },
        act: { path: 'accept', body: { start: iso } },
      };
  }
}

/**
 * Creates `perAction` interviews for each candidate action through the API (16 at a time) and prepares
 * the action's request on each one's candidate link (the token at the end of `candidateLink`).
 *
 * @example
 * const prepared = await prepareCandidateActions(api, await seedBookingFixture(api, 'actions'), new Date(), 500);
 */
export async function prepareCandidateActions(api: ApiClient, fixture: BookingFixture, now: Date, perAction: number): Promise<PreparedActions> {
  const planned = planInterviews(fixture, now, perAction);
  const created = await inParallel(planned, SEEDING_CONNECTIONS, (interview) =>
    api.call<{ id: string; candidateLink: string; offeredSlots: unknown[] }>('POST', '/api/v1/interviews', interview.create, 201),
  );
  const prepared: PreparedActions = { cancel: [], reschedule: [], accept: [] };
  planned.forEach(({ action, act }, index) => {
    const { id, candidateLink, offeredSlots } = created[index]!;
    if (action === 'accept' && offeredSlots.length !== 1) throw new Error(`Invitation ${id} offers ${offeredSlots.length} times instead of the one planned`);
    const token = candidateLink.slice(candidateLink.lastIndexOf('/') + 1);
    prepared[action].push({ interviewId: id, request: { method: 'POST', path: `/api/v1/candidate/${token}/${act.path}`, body: JSON.stringify(act.body) } });
  });
  return prepared;
}

/**
 * The action loads, each measured beside booking loads of the same minutes: every action runs in
 * `rounds` slices of `seconds / rounds`, cancel, reschedule and accept in turn, and a booking slice of
 * the same length runs before the first action slice, between every two and after the last. An action's
 * ratio to bookings is then taken against the booking slices on either side of its own, as pgbench is
 * taken against the slices between its runs: these hosts' speed drifts within minutes, and loads run
 * one after the other would hand that drift to the ratio. An action whose prepared interviews run out
 * sits out the rounds left.
 *
 * @example
 * const { actions, bookings } = await runInterleavedActionLoads(api, prepared, { connections: 16, seconds: 15, rounds: 3, bookingSlice: supply.run, log });
 */
export async function runInterleavedActionLoads(
  api: ApiClient,
  prepared: PreparedActions,
  options: { connections: number; seconds: number; rounds: number; bookingSlice: (seconds: number) => Promise<LoadResult>; log: (line: string) => void },
): Promise<{ actions: ActionLoadResult[]; bookings: LoadResult[] }> {
  const { connections, rounds, log } = options;
  const sliceSeconds = options.seconds / rounds;
  const left = Object.fromEntries(CANDIDATE_ACTIONS.map((action) => [action, prepared[action].map(({ request }) => request)])) as Record<CandidateAction, PreparedRequest[]>;
  const slicesOf = Object.fromEntries(CANDIDATE_ACTIONS.map((action) => [action, [] as LoadResult[]])) as Record<CandidateAction, LoadResult[]>;
  const besideOf = Object.fromEntries(CANDIDATE_ACTIONS.map((action) => [action, new Set<LoadResult>()])) as Record<CandidateAction, Set<LoadResult>>;
  const bookings: LoadResult[] = [];
  const bookingSlice = async (): Promise<LoadResult> => {
    const result = await options.bookingSlice(sliceSeconds);
    bookings.push(result);
    log(`    bookings beside them: ${result.perSecond.toFixed(1)}/s`);
    return result;
  };
  let previous: CandidateAction | null = null;
  for (let round = 0; round < rounds; round += 1) {
    for (const action of CANDIDATE_ACTIONS) {
      if (left[action].length < connections) continue;
      const before = await bookingSlice();
      if (previous) besideOf[previous].add(before);
      besideOf[action].add(before);
      const result = await driveRequests(api.url, left[action], connections, sliceSeconds);
      left[action] = left[action].slice(result.sent);
      slicesOf[action].push(result);
      log(`    ${action} (round ${round + 1} of ${rounds}): ${result.perSecond.toFixed(1)}/s${result.exhausted ? `, all prepared interviews done` : ''}`);
      previous = action;
    }
  }
  if (previous) besideOf[previous].add(await bookingSlice());
  const actions = CANDIDATE_ACTIONS.filter((action) => slicesOf[action].length > 0).map((action) => ({
    ...combineLoads(slicesOf[action]),
    action,
    prepared: prepared[action].length,
    besideBookings: combineLoads([...besideOf[action]]),
  }));
  return { actions, bookings };
}
