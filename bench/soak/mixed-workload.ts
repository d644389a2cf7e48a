import { setTimeout as sleep } from 'node:timers/promises';
import type { BookingFixture } from '../load/booking-load.ts';
import type { AcknowledgedInterview, AcknowledgedLedger } from './acknowledged-ledger.ts';
import type { SoakAnswer, SoakRequest } from './soak-client.ts';

export interface WorkloadOptions {
  send: (request: SoakRequest) => Promise<SoakAnswer>;
  ledger: AcknowledgedLedger;
  fixture: BookingFixture;
  /** Booking bodies that never collide with one another (`bookingBodies`), taken in order. */
  bookingBodies: readonly string[];
  clients: number;
  /** How many servers share the load: client i starts at server i mod this. */
  servers: number;
  /** Each client's pause between operations, so the load is steady rather than saturating. */
  pauseMs: number;
  /** No new operation starts at or after this instant (ms since the epoch). */
  loadEndsAt: number;
  /** Makes Idempotency-Keys unique to this run. */
  runId: string;
}

/** Operations that got no final answer before the deadline, by kind: they may or may not have happened. */
export type Unresolved = Record<'booking' | 'offer' | 'cancel' | 'reschedule' | 'accept' | 'read', number>;

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** Offers look past the booking bodies' 12 weeks, so accepting one rarely takes a time a booking wants. */
const OFFER_WEEKS_AHEAD = 13;

/**
 * `clients` concurrent clients, each looping until `loadEndsAt` over a mix: bookings with a start (35 %),
 * invitations with offered times (5 %), candidate actions through the link (15 %: cancel, reschedule to a
 * time from `/times`, accept an offered time), slot searches (25 %) and reads (20 %). Every acknowledged
 * booking and action goes into the ledger.
 *
 * @example
 * const unresolved = await runMixedWorkload({ send, ledger, fixture, bookingBodies, clients: 8, servers: 2, pauseMs: 100, loadEndsAt, runId });
 */
export async function runMixedWorkload(options: WorkloadOptions): Promise<Unresolved> {
  const unresolved: Unresolved = { booking: 0, offer: 0, cancel: 0, reschedule: 0, accept: 0, read: 0 };
  let nextBody = 0;
  let nextAction = 0;
  const { send, ledger, fixture } = options;

  const book = async (server: number): Promise<void> => {
    const index = nextBody++;
    const body = options.bookingBodies[index];
    if (body === undefined) return;
    const answer = await send({
      route: 'POST /api/v1/interviews (start)',
      method: 'POST',
      path: '/api/v1/interviews',
      body: JSON.parse(body) as unknown,
      idempotencyKey: `${options.runId}-book-${index}`,
      server,
    });
    if (answer.status === 'unresolved') unresolved.booking += 1;
    else if (answer.status === 201) {
      const created = answer.body as { id: string; start: string; candidateLink?: string };
      ledger.add({ id: created.id, token: tokenOf(created.candidateLink), status: 'scheduled', start: created.start, offered: [] });
    }
  };

  const offer = async (server: number): Promise<void> => {
    const memberId = pick(fixture.memberIds);
    const from = new Date(startOfTomorrow() + OFFER_WEEKS_AHEAD * WEEK_MS + Math.floor(Math.random() * 6) * WEEK_MS);
    const answer = await send({
      route: 'POST /api/v1/interviews (offer)',
      method: 'POST',
      path: '/api/v1/interviews',
      body: {
        openingId: fixture.openingId,
        candidateId: pick(fixture.candidateIds),
        title: 'Soak interview',
        durationMinutes: 60,
        panel: [memberId],
        offer: { from: from.toISOString(), to: new Date(from.getTime() + WEEK_MS).toISOString(), count: 3 },
      },
      idempotencyKey: `${options.runId}-offer-${nextAction++}`,
      server,
    });
    if (answer.status === 'unresolved') unresolved.offer += 1;
    else if (answer.status === 201) {
      const created = answer.body as { id: string; candidateLink?: string; offeredSlots: Array<{ start: string }> };
      ledger.add({ id: created.id, token: tokenOf(created.candidateLink), status: 'invited', start: null, offered: created.offeredSlots.map((slot) => slot.start) });
    }
  };

  /** One candidate action through the link on an interview no other client is acting on. */
  const act = async (server: number): Promise<void> => {
    const roll = Math.random();
    const kind = roll < 0.3 ? 'accept' : roll < 0.6 ? 'cancel' : 'reschedule';
    const entry =
      kind === 'accept' ? ledger.take((e) => e.status === 'invited' && e.offered.length > 0) : ledger.take((e) => e.status === 'scheduled');
    if (!entry) return;
    try {
      if (kind === 'accept') await accept(entry, server);
      else if (kind === 'cancel') await cancel(entry, server);
      else await reschedule(entry, server);
    } finally {
      ledger.release(entry);
    }
  };

  const action = (entry: AcknowledgedInterview, name: string, body: unknown, server: number) =>
    send({
      route: `POST /api/v1/candidate/{token}/${name}`,
      method: 'POST',
      path: `/api/v1/candidate/${entry.token}/${name}`,
      body,
      idempotencyKey: `${options.runId}-${name}-${nextAction++}`,
      withApiKey: false,
      server,
    });

  const settle = (entry: AcknowledgedInterview, answer: SoakAnswer, kind: keyof Unresolved, then: () => void): void => {
    if (answer.status === 'unresolved') {
      unresolved[kind] += 1;
      entry.uncertain = true;
    } else if (answer.status === 200) then();
  };

  const accept = async (entry: AcknowledgedInterview, server: number): Promise<void> => {
    const start = pick(entry.offered);
    settle(entry, await action(entry, 'accept', { start }, server), 'accept', () => {
      entry.status = 'scheduled';
      entry.start = new Date(start).toISOString();
      entry.offered = [];
    });
  };

  const cancel = async (entry: AcknowledgedInterview, server: number): Promise<void> => {
    settle(entry, await action(entry, 'cancel', { reason: 'schedule_conflict' }, server), 'cancel', () => {
      entry.status = 'cancelled';
    });
  };

  const reschedule = async (entry: AcknowledgedInterview, server: number): Promise<void> => {
    const times = await send({
      route: 'GET /api/v1/candidate/{token}/times',
      method: 'GET',
      path: `/api/v1/candidate/${entry.token}/times?order=nearest&count=5`,
      withApiKey: false,
      server,
    });
    if (times.status !== 200) return;
    const offered = (times.body as { times: Array<{ start: string }> }).times;
    if (offered.length === 0) return;
    const start = pick(offered).start;
    settle(entry, await action(entry, 'reschedule', { start, reason: 'schedule_conflict' }, server), 'reschedule', () => {
      entry.start = new Date(start).toISOString();
    });
  };

  const searchSlots = async (server: number): Promise<void> => {
    const members = [pick(fixture.memberIds), pick(fixture.memberIds)];
    const from = new Date(startOfTomorrow() + Math.floor(Math.random() * 28) * 24 * HOUR_MS);
    const query = new URLSearchParams({
      members: [...new Set(members)].join(','),
      durationMinutes: '60',
      from: from.toISOString(),
      to: new Date(from.getTime() + WEEK_MS).toISOString(),
    });
    await send({ route: 'GET /api/v1/slots', method: 'GET', path: `/api/v1/slots?${query.toString()}`, server });
  };

  const read = async (server: number): Promise<void> => {
    const entry = ledger.take(() => true);
    if (!entry) return searchSlots(server);
    try {
      const answer =
        Math.random() < 0.5
          ? await send({ route: 'GET /api/v1/interviews/{id}', method: 'GET', path: `/api/v1/interviews/${entry.id}`, server })
          : await send({ route: 'GET /api/v1/candidate/{token}', method: 'GET', path: `/api/v1/candidate/${entry.token}`, withApiKey: false, server });
      if (answer.status === 'unresolved') unresolved.read += 1;
    } finally {
      ledger.release(entry);
    }
  };

  const client = async (index: number): Promise<void> => {
    const server = index % options.servers;
    while (Date.now() < options.loadEndsAt) {
      const roll = Math.random();
      if (roll < 0.35) await book(server);
      else if (roll < 0.4) await offer(server);
      else if (roll < 0.55) await act(server);
      else if (roll < 0.8) await searchSlots(server);
      else await read(server);
      await sleep(options.pauseMs);
    }
  };

  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  return unresolved;
}

/** The token at the end of a candidate link, or null when the link was redacted (an idempotent replay). */
function tokenOf(link: string | undefined): string | null {
  const token = link?.slice(link.lastIndexOf('/') + 1);
  return token && !token.includes('[redacted]') ? token : null;
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

function startOfTomorrow(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
}
