import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attemptDelivery } from '../notify/webhook-attempt.ts';
import { createWebhookWorker } from '../notify/webhook-worker.ts';
import type { WebhookWorker } from '../notify/webhook-worker.ts';
import type { Resolver } from '../net/outbound-request.ts';
import { testEngines } from '../store/testing/engines.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { messagesAsSent } from '../store/testing/messages-as-sent.ts';

/**
 * Webhooks end to end over real sockets: changes made through the API are queued in their transaction,
 * delivered by the worker to a loopback HTTP receiver, and every delivery is verified there with the
 * standardwebhooks library — the receiver's side, written by someone else. The server's clock starts at
 * the real time (the verifier checks the timestamp against its own clock) and is moved by seconds.
 */

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The event as the verifier returned it, or why it refused. */
  verified: { ok: true; event: { type: string; timestamp: string; data: Record<string, unknown> } } | { ok: false; error: string };
}

type Answer = { status: number; headers?: Record<string, string>; body?: string; hang?: boolean };

/** An HTTP endpoint on 127.0.0.1 that verifies what it gets with the secrets it is told, and answers as told. */
class Receiver {
  readonly received: Received[] = [];
  secrets: string[] = [];
  /** Answers in turn; the last one repeats. */
  answers: Answer[] = [{ status: 204 }];
  /** When set, answers by what came (e.g. by event type) instead of in turn; undefined falls back to `answers`. */
  answerFor: ((body: string) => Answer | undefined) | undefined;
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ path: request.url ?? '', headers: request.headers, body, verified: this.verify(body, request.headers) });
        const answer = this.answerFor?.(body) ?? (this.answers.length > 1 ? this.answers.shift()! : this.answers[0]!);
        if (answer.hang) return;
        response.writeHead(answer.status, answer.headers ?? {});
        response.end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  private verify(body: string, headers: IncomingHttpHeaders): Received['verified'] {
    const plain = { 'webhook-id': String(headers['webhook-id']), 'webhook-timestamp': String(headers['webhook-timestamp']), 'webhook-signature': String(headers['webhook-signature']) };
    let last = 'no secret';
    for (const secret of this.secrets) {
      try {
        return { ok: true, event: new Webhook(secret).verify(body, plain) as { type: string; timestamp: string; data: Record<string, unknown> } };
      } catch (error) {
        last = String(error);
      }
    }
    return { ok: false, error: last };
  }

  types(): string[] {
    return this.received.map((r) => (r.verified.ok ? r.verified.event.type : `UNVERIFIED ${r.verified.error}`));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
const HOUR = 3_600_000;
/** Whole hours, days ahead of the real now, so that bookings are in the future for the real-time clock. */
const inDays = (days: number, hour = 0) => new Date(Math.ceil(Date.now() / HOUR) * HOUR + days * 24 * HOUR + hour * HOUR).toISOString();

/** A weekday at least `days` ahead, at a whole UTC hour: inside a UTC candidate's reasonable hours. */
function weekdayAt(days: number, hourUtc: number): string {
  const day = new Date(Date.now() + days * 24 * HOUR);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day.toISOString();
}

let server: TestServer;
let now: Date;
const receivers: Receiver[] = [];
let counter = 0;

function advance(ms: number): void {
  now = new Date(now.getTime() + ms);
  server.setNow(now);
}

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

async function receiver(): Promise<Receiver> {
  const r = await new Receiver().start();
  receivers.push(r);
  return r;
}

interface CreatedWebhook {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  status: string;
  disabledReason: string | null;
  disabledAt: string | null;
  createdAt: string;
  secret: string;
}

interface Delivery {
  id: string;
  type: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  waitingFor: string | null;
  lastAttemptAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

async function subscribe(r: Receiver, events: string[], call = server.call.bind(server)): Promise<CreatedWebhook> {
  const created = await json<CreatedWebhook>(call('POST', '/api/v1/webhooks', { url: r.url, events, description: 'ATS' }), 201);
  r.secrets = [created.secret];
  return created;
}

const deliveries = async (id: string) => (await json<{ deliveries: Delivery[] }>(server.call('GET', `/api/v1/webhooks/${id}/deliveries?limit=200`))).deliveries;
const testEvent = async (id: string) => (await json<{ delivery: Delivery }>(server.call('POST', `/api/v1/webhooks/${id}/test`), 202)).delivery;

function worker(options: { resolve?: Resolver; allowPrivate?: boolean; timeoutMs?: number } = {}): WebhookWorker {
  return createWebhookWorker({
    store: server.ctx.store,
    secrets: server.ctx.secrets,
    clock: server.ctx.clock,
    policy: { allowPrivateAddresses: options.allowPrivate ?? true },
    sender: { fromAddress: 'no-reply@leeway.test', mailDomain: 'leeway.test' },
    timeoutMs: options.timeoutMs ?? 5_000,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
}

/** Runs the worker until nothing more is due now. */
async function drain(w: WebhookWorker = worker()): Promise<number> {
  let settled = 0;
  for (;;) {
    const run = await w.runOnce();
    settled += run.claimed;
    if (run.claimed === 0) return settled;
  }
}

beforeAll(async () => {
  now = new Date(Math.floor(Date.now() / 1000) * 1000);
  server = await startTestServer({ now: now.toISOString() });
  await json(server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test' }));
});
beforeEach(() => {
  // Each test starts at the real time, which the verifier's timestamp check compares with.
  now = new Date(Math.floor(Date.now() / 1000) * 1000);
  server.setNow(now);
});
afterEach(async () => {
  // Leave no endpoint behind: the next test's events go only where it subscribes.
  const all = await json<{ webhooks: Array<{ id: string }> }>(server.call('GET', '/api/v1/webhooks?limit=200'));
  for (const w of all.webhooks) await json(server.call('DELETE', `/api/v1/webhooks/${w.id}`), 204);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await server?.close();
});

async function setting() {
  counter += 1;
  const member = async (name: string, pools: string[]) =>
    (await json<{ id: string }>(server.call('POST', '/api/v1/members', { name, email: `${name.toLowerCase().replace(/\W/g, '')}${counter}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS, pools }), 201)).id;
  const pool = `pool-${counter}`;
  const ann = await member('Ann Panel', [pool]);
  const bo = await member('Bo Standin', [pool]);
  const opening = (await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }), 201)).id;
  const candidate = (await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Jordan Lee', email: `jordan${counter}@example.com`, timezone: 'UTC' }), 201)).id;
  const book = (start: string) =>
    json<{ id: string; candidateLink: string; status: string }>(
      server.call('POST', '/api/v1/interviews', { openingId: opening, candidateId: candidate, title: 'Round 2', durationMinutes: 60, panel: [ann], start }),
      201,
    );
  return { ann, bo, opening, candidate, book };
}

describe('events from real actions', () => {
  it('arrive in order, verified, with the interview as it stands after each change and no private words', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled', 'interview.rescheduled', 'interview.cancelled', 'panel.declined', 'panel.replaced', 'opening.filled']);
    expect(hook).toMatchObject({ url: r.url, status: 'active', disabledReason: null, disabledAt: null, description: 'ATS' });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);

    const s = await setting();
    const first = inDays(3, 15);
    const moved = inDays(4, 10);
    const booked = await s.book(first);
    await json(server.call('POST', `/api/v1/interviews/${booked.id}/reschedule`, { start: moved, reason: 'scheduling_error' }));
    await json(server.call('POST', `/api/v1/interviews/${booked.id}/panel/${s.ann}/decline`, { reason: 'My dentist moved my appointment' }));
    const token = booked.candidateLink.slice(booked.candidateLink.lastIndexOf('/') + 1);
    await json(server.call('POST', `/api/v1/candidate/${token}/cancel`, { reason: 'schedule_conflict', note: 'private: I got another offer' }));
    // A second interview, ended by filling the opening.
    const second = await s.book(inDays(5, 9));
    await json(server.call('POST', `/api/v1/openings/${s.opening}/fill`, {}));

    expect(await drain()).toBeGreaterThan(0);
    expect(r.types()).toEqual([
      'interview.scheduled',
      'interview.rescheduled',
      'panel.declined',
      'panel.replaced',
      'interview.cancelled',
      'interview.scheduled',
      'opening.filled',
      'interview.cancelled',
    ]);
    const events = r.received.map((x) => (x.verified.ok ? x.verified.event : null)!);
    for (const x of r.received) {
      expect(x.headers['content-type']).toBe('application/json');
      expect(x.headers['user-agent']).toBe('Leeway');
      expect(x.headers['webhook-id']).toMatch(/^msg_/);
    }
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(r.received.length);

    const [scheduled, rescheduled, declined, replaced, cancelled, , filled, ended] = events as Array<{ type: string; timestamp: string; data: Record<string, unknown> }>;
    expect(scheduled!.data.interview).toMatchObject({ id: booked.id, status: 'scheduled', start: first, title: 'Round 2', opening: { id: s.opening, title: 'Platform Engineer' }, candidate: { id: s.candidate, name: 'Jordan Lee' }, panel: [s.ann] });
    expect(scheduled!.data.actor).toEqual({ side: 'employer', memberId: null });
    expect(typeof scheduled!.data.historyEntryId).toBe('string');
    expect(rescheduled!.data).toMatchObject({ interview: { start: moved, status: 'scheduled' }, previousStart: first, reason: 'scheduling_error' });
    expect(declined!.data).toMatchObject({ memberId: s.ann, actor: { side: 'employer', memberId: s.ann } });
    // The stand-in is on the panel in the state the event reports.
    expect(replaced!.data).toMatchObject({ from: s.ann, to: s.bo, interview: { panel: [s.bo] } });
    expect(cancelled!.data).toMatchObject({ interview: { id: booked.id, status: 'cancelled' }, actor: { side: 'candidate', memberId: null }, reason: 'schedule_conflict' });
    expect(['ample', 'adequate', 'late', 'missed']).toContain(cancelled!.data.noticeClass);
    expect(filled!.data).toMatchObject({ opening: { id: s.opening, status: 'filled' } });
    expect(ended!.data).toMatchObject({ interview: { id: second.id, status: 'cancelled' }, openingEnded: 'filled', reason: 'position_filled' });
    const everything = r.received.map((x) => x.body).join('\n');
    expect(everything).not.toContain('dentist');
    expect(everything).not.toContain('another offer');
    expect(everything).not.toContain('lw_cand_');

    // The delivery log shows the same bodies, newest first, all delivered.
    const log = await deliveries(hook.id);
    expect(log.map((d) => d.id)).toEqual(r.received.map((x) => x.headers['webhook-id']).reverse());
    expect(log.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastResponseStatus === 204 && d.nextAttemptAt === null)).toBe(true);
    expect(log[log.length - 1]!.payload).toEqual(JSON.parse(r.received[0]!.body));
    // The body reads in the documented order, in the delivery and in the log alike.
    for (const x of r.received) expect(Object.keys(JSON.parse(x.body) as object)).toEqual(['type', 'timestamp', 'data']);
    expect(r.received[0]!.body.startsWith('{"type":"interview.scheduled","timestamp":"')).toBe(true);
    expect(Object.keys(log[0]!.payload)).toEqual(['type', 'timestamp', 'data']);
    expect(Object.keys(scheduled!.data.interview as object)).toEqual(['id', 'title', 'status', 'start', 'end', 'opening', 'candidate', 'panel']);
  });

  it('announces freed time offered to the waitlist and claimed from it, without the offer link', async () => {
    const r = await receiver();
    await subscribe(r, ['waitlist.offered', 'waitlist.filled', 'interview.scheduled']);
    const s = await setting();
    const start = weekdayAt(3, 10);
    const held = await s.book(start);
    const waiter = (await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Wendy Wait', email: `wendy${counter}@example.com`, timezone: 'UTC' }), 201)).id;
    const entry = (await json<{ id: string }>(server.call('POST', `/api/v1/openings/${s.opening}/waitlist`, { candidateId: waiter, panel: [s.ann], durationMinutes: 60 }), 201)).id;
    await json(server.call('POST', `/api/v1/interviews/${held.id}/cancel`, { reason: 'interviewer_unavailable' }));
    const offers = await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_offer', to: `wendy${counter}@example.com` });
    const token = /\/c\/(lw_offer_[A-Za-z0-9_-]+)/.exec((offers.at(-1)!.payload as { email: { text: string } }).email.text)![1]!;
    const claimed = await json<{ id: string }>(server.app.request(`/api/v1/candidate/${token}/claim`, { method: 'POST' }), 201);
    await drain();
    expect(r.types()).toEqual(['interview.scheduled', 'waitlist.offered', 'interview.scheduled', 'waitlist.filled']);
    const [, offered, booked, filled] = r.received.map((x) => (x.verified.ok ? x.verified.event : null)!);
    expect(offered!.data).toMatchObject({ offer: { entryId: entry, candidateId: waiter, start }, opening: { id: s.opening, title: 'Platform Engineer' } });
    expect(booked!.data).toMatchObject({ interview: { id: claimed.id, status: 'scheduled', start, candidate: { id: waiter } }, actor: { side: 'candidate' } });
    expect(filled!.data).toMatchObject({ interview: { id: claimed.id }, entryId: entry, freedSlotId: expect.any(String) });
    expect(r.received.map((x) => x.body).join('\n')).not.toContain('lw_offer_');
  });

  it('queues nothing for types the endpoint did not ask for', async () => {
    const r = await receiver();
    await subscribe(r, ['interview.completed']);
    const s = await setting();
    await s.book(inDays(6, 9));
    expect(await drain()).toBe(0);
    expect(r.received).toHaveLength(0);
  });
});

describe('retries', () => {
  it('a receiver that fails and recovers loses nothing and gets nothing twice, the retry with the same webhook-id', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    r.answers = [{ status: 500, body: 'database down' }, { status: 200 }];
    const one = await testEvent(hook.id);
    const two = await testEvent(hook.id);
    expect(await drain()).toBe(1);
    let log = await deliveries(hook.id);
    const failed = log.find((d) => d.id === one.id)!;
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastResponseStatus: 500, lastError: 'The endpoint answered 500: database down' });
    expect(Date.parse(failed.nextAttemptAt!) - now.getTime()).toBe(5_000);
    expect(failed.waitingFor).toBeNull();
    // The second waits behind the first, though it is due, and the log says so rather than showing a time already past.
    expect(log.find((d) => d.id === two.id)).toMatchObject({ status: 'pending', attempts: 0, waitingFor: one.id, nextAttemptAt: null });
    advance(4_000);
    expect(await drain()).toBe(0);
    advance(1_000);
    expect(await drain()).toBe(2);
    expect(r.received.map((x) => x.headers['webhook-id'])).toEqual([one.id, one.id, two.id]);
    expect(r.types()).toEqual(['webhook.test', 'webhook.test', 'webhook.test']);
    expect(r.received[0]!.body).toBe(r.received[1]!.body);
    log = await deliveries(hook.id);
    expect(log.map((d) => [d.id, d.status, d.attempts, d.waitingFor])).toEqual([
      [two.id, 'delivered', 1, null],
      [one.id, 'delivered', 2, null],
    ]);
    expect(await drain()).toBe(0);
    expect(r.received).toHaveLength(3);
  });

  it('a failing test event does not hold up real events, nor a failing real event a test event', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled', 'interview.cancelled']);
    r.answerFor = (body) => (body.includes('"type":"webhook.test"') ? { status: 500, body: 'tests are off' } : undefined);
    const test = await testEvent(hook.id);
    const s = await setting();
    const booked = await s.book(inDays(3, 9));
    await json(server.call('POST', `/api/v1/interviews/${booked.id}/cancel`, { reason: 'scheduling_error' }));
    await drain();
    // The real events went out at once, in their order, while the test event waits for its retry.
    expect(r.types().filter((type) => type !== 'webhook.test')).toEqual(['interview.scheduled', 'interview.cancelled']);
    let log = await deliveries(hook.id);
    expect(log.find((d) => d.id === test.id)).toMatchObject({ status: 'pending', attempts: 1, lastResponseStatus: 500, waitingFor: null });
    expect(log.filter((d) => d.type !== 'webhook.test').map((d) => d.status)).toEqual(['delivered', 'delivered']);

    // The other way round: real events fail, and a test event still goes through.
    r.received.length = 0;
    r.answerFor = (body) => (body.includes('"type":"webhook.test"') ? { status: 204 } : { status: 503 });
    advance(5_000);
    const again = await testEvent(hook.id);
    await json(server.call('POST', `/api/v1/interviews/${(await s.book(inDays(4, 9))).id}/cancel`, { reason: 'scheduling_error' }));
    await drain();
    log = await deliveries(hook.id);
    // Both test events are delivered (the retried one first: test events keep their own order).
    expect(log.filter((d) => d.type === 'webhook.test').map((d) => [d.id, d.status])).toEqual([
      [again.id, 'delivered'],
      [test.id, 'delivered'],
    ]);
    const [cancelled, scheduled] = log.filter((d) => d.type !== 'webhook.test');
    expect(scheduled).toMatchObject({ type: 'interview.scheduled', status: 'pending', attempts: 1, lastResponseStatus: 503, waitingFor: null });
    expect(cancelled).toMatchObject({ type: 'interview.cancelled', status: 'pending', attempts: 0, waitingFor: scheduled!.id, nextAttemptAt: null });
  });

  it('a worker that dies after sending and before recording: the event comes again after the lease, with the same webhook-id', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    const sent = await testEvent(hook.id);
    // The dying worker: claims and sends, then is gone before it records the answer.
    const [claimed] = await server.ctx.store.transaction((tx) => tx.webhooks.claimDue({ at: now, limit: 10, leaseMs: 60_000 }));
    expect(claimed!.webhookId).toBe(sent.id);
    await attemptDelivery(
      { url: claimed!.url, webhookId: claimed!.webhookId, body: claimed!.body, secrets: [hook.secret], timestampSeconds: Math.floor(now.getTime() / 1000) },
      { policy: { allowPrivateAddresses: true } },
    );
    // Under the lease, nobody else sends it.
    expect(await drain()).toBe(0);
    advance(60_001);
    expect(await drain()).toBe(1);
    expect(r.received.map((x) => x.headers['webhook-id'])).toEqual([sent.id, sent.id]);
    expect(r.types()).toEqual(['webhook.test', 'webhook.test']);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('counts a redirect as a failure and does not follow it', async () => {
    const target = await receiver();
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    r.answers = [{ status: 302, headers: { location: target.url } }];
    const sent = await testEvent(hook.id);
    await drain();
    expect(target.received).toHaveLength(0);
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ id: sent.id, status: 'pending', lastResponseStatus: 302 });
    expect(delivery!.lastError).toContain('redirects are not followed');
  });

  it('counts an endpoint that does not answer in time, or answers at length, as failing', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    r.answers = [{ status: 200, hang: true }, { status: 200, body: 'x'.repeat(100 * 1024) }, { status: 204 }];
    await testEvent(hook.id);
    await drain(worker({ timeoutMs: 300 }));
    let [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastResponseStatus: null });
    expect(delivery!.lastError).toMatch(/^Timed out/);
    advance(5_000);
    await drain();
    [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2 });
    expect(delivery!.lastError).toMatch(/too large/);
    advance(300_000);
    await drain();
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('honours Retry-After', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    r.answers = [{ status: 503, headers: { 'retry-after': '120' } }, { status: 200 }];
    await testEvent(hook.id);
    await drain();
    const [waiting] = await deliveries(hook.id);
    expect(Date.parse(waiting!.nextAttemptAt!) - now.getTime()).toBe(120_000);
    advance(60_000);
    expect(await drain()).toBe(0);
    advance(60_000);
    expect(await drain()).toBe(1);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('410 disables the endpoint at once, tells the contact, and turning it back on sends what was kept', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    r.answers = [{ status: 410 }, { status: 200 }];
    const gone = await testEvent(hook.id);
    const kept = await testEvent(hook.id);
    await drain();
    const disabled = await json<CreatedWebhook>(server.call('GET', `/api/v1/webhooks/${hook.id}`));
    expect(disabled).toMatchObject({ status: 'disabled', disabledReason: 'The endpoint answered 410 Gone.' });
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled).not.toHaveProperty('secret');
    const told = await messagesAsSent(server.ctx, server.organizationId, { kind: 'webhook_disabled' });
    expect(told.at(-1)).toMatchObject({ recipient: 'recruiting@acme.test' });
    const text = (told.at(-1)!.payload as { email: { text: string } }).email.text;
    expect(text).toContain(r.url);
    expect(text).toContain('410 Gone');
    expect(text).toContain(hook.id);
    let log = await deliveries(hook.id);
    expect(log.find((d) => d.id === gone.id)).toMatchObject({ status: 'failed', lastResponseStatus: 410 });
    // Kept, with no next attempt to promise while the endpoint is disabled.
    expect(log.find((d) => d.id === kept.id)).toMatchObject({ status: 'pending', nextAttemptAt: null, waitingFor: null });
    // While disabled, nothing goes out and new events are not queued for it.
    const s = await setting();
    await s.book(inDays(7, 9));
    expect(await drain()).toBe(0);
    await json(server.call('PATCH', `/api/v1/webhooks/${hook.id}`, { status: 'active' }));
    expect(await drain()).toBe(1);
    log = await deliveries(hook.id);
    expect(log.map((d) => d.status)).toEqual(['delivered', 'failed']);
    expect(r.received.map((x) => x.headers['webhook-id'])).toEqual([gone.id, kept.id]);
  });

  it('after the last scheduled attempt the endpoint is disabled with the reason in words', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    r.answers = [{ status: 500 }];
    await testEvent(hook.id);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      await drain();
      const [delivery] = await deliveries(hook.id);
      if (delivery!.status !== 'pending') break;
      const wait = Date.parse(delivery!.nextAttemptAt!) - now.getTime();
      waits.push(wait);
      // The signature's timestamp must stay near the verifier's clock: move the server's clock back after each jump.
      advance(wait);
    }
    expect(waits.slice(0, 4)).toEqual([5_000, 300_000, 1_800_000, 7_200_000]);
    const total = waits.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2.5 * 24 * HOUR);
    expect(total).toBeLessThan(3.5 * 24 * HOUR);
    expect(r.received.length).toBe(waits.length + 1);
    const after = await json<CreatedWebhook>(server.call('GET', `/api/v1/webhooks/${hook.id}`));
    expect(after.status).toBe('disabled');
    expect(after.disabledReason).toContain('The endpoint answered 500');
  });
});

describe('secrets', () => {
  it('a rotation signs with both secrets for a day, then with the new one only', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    const { secret } = await json<{ secret: string }>(server.call('POST', `/api/v1/webhooks/${hook.id}/secret`));
    expect(secret).not.toBe(hook.secret);
    await testEvent(hook.id);
    await drain();
    const during = r.received.at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const key of [hook.secret, secret]) {
      r.secrets = [key];
      expect(() => new Webhook(key).verify(during.body, { 'webhook-id': String(during.headers['webhook-id']), 'webhook-timestamp': String(during.headers['webhook-timestamp']), 'webhook-signature': String(during.headers['webhook-signature']) })).not.toThrow();
    }
    advance(24 * HOUR + 1_000);
    await testEvent(hook.id);
    await drain();
    const after = r.received.at(-1)!;
    const signatures = String(after.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(1);
    // Checked with the library's own signing, since the moved clock is a day ahead of the verifier's.
    const timestamp = new Date(Number(after.headers['webhook-timestamp']) * 1000);
    expect(signatures[0]).toBe(new Webhook(secret).sign(String(after.headers['webhook-id']), timestamp, after.body));
    expect(signatures[0]).not.toBe(new Webhook(hook.secret).sign(String(after.headers['webhook-id']), timestamp, after.body));
  });

  it('does not keep the secret for an idempotent replay', async () => {
    const r = await receiver();
    const body = { url: r.url, events: ['interview.scheduled'] };
    const first = await json<CreatedWebhook>(server.call('POST', '/api/v1/webhooks', body, { 'idempotency-key': 'make-hook-1' }), 201);
    const replay = await server.call('POST', '/api/v1/webhooks', body, { 'idempotency-key': 'make-hook-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const replayed = (await replay.json()) as CreatedWebhook;
    expect(replayed.id).toBe(first.id);
    expect(replayed.secret).toBe('whsec_[redacted]');
    const rotated = await json<{ secret: string }>(server.call('POST', `/api/v1/webhooks/${first.id}/secret`, undefined, { 'idempotency-key': 'rotate-1' }));
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}/);
    const again = (await (await server.call('POST', `/api/v1/webhooks/${first.id}/secret`, undefined, { 'idempotency-key': 'rotate-1' })).json()) as { secret: string };
    expect(again.secret).toBe('whsec_[redacted]');
  });

  it('keeps secrets sealed and shows them only when made', async () => {
    const r = await receiver();
    const hook = await subscribe(r, ['interview.scheduled']);
    const row = await server.ctx.store.webhooks.sealedSecret(server.organizationId, hook.id);
    expect(row).not.toContain(hook.secret.slice(6));
    const listed = await json<{ webhooks: Array<Record<string, unknown>> }>(server.call('GET', '/api/v1/webhooks'));
    expect(JSON.stringify(listed)).not.toContain(hook.secret);
    expect(listed.webhooks[0]).not.toHaveProperty('secret');
  });
});

describe('the API', () => {
  it('lists the event types from the one table', async () => {
    const { eventTypes } = await json<{ eventTypes: Array<{ type: string; description: string; subscribable: boolean }> }>(server.call('GET', '/api/v1/webhooks/event-types'));
    expect(eventTypes.map((e) => e.type)).toEqual(expect.arrayContaining(['interview.scheduled', 'interview.no_show', 'panel.replaced', 'opening.filled', 'waitlist.offered', 'waitlist.filled', 'webhook.test']));
    expect(eventTypes.every((e) => e.description.length > 10)).toBe(true);
    // Every type but the test event can be subscribed to, and the list says which.
    expect(eventTypes.filter((e) => !e.subscribable).map((e) => e.type)).toEqual(['webhook.test']);
    const subscribed = await server.call('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/h', events: eventTypes.filter((e) => e.subscribable).map((e) => e.type) });
    expect(subscribed.status).toBe(201);
    expect((await server.call('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/h', events: ['webhook.test'] })).status).toBe(400);
  });

  it('checks every field at once and refuses unknown event types', async () => {
    const res = await server.call('POST', '/api/v1/webhooks', { url: 42, events: ['interview.exploded'] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: Array<{ path: string }> };
    expect(body.code).toBe('VALIDATION');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['events.0', 'url']);
    expect((await server.call('POST', '/api/v1/webhooks', { url: 'https://example.com/h', events: [] })).status).toBe(400);
  });

  it('pages endpoints and deliveries, patches, and drops pending deliveries on delete', async () => {
    const r = await receiver();
    const a = await subscribe(r, ['interview.scheduled']);
    advance(1_000);
    const b = await subscribe(r, ['interview.cancelled']);
    const first = await json<{ webhooks: Array<{ id: string }>; nextCursor: string | null }>(server.call('GET', '/api/v1/webhooks?limit=1'));
    expect(first.webhooks.map((w) => w.id)).toEqual([a.id]);
    const second = await json<{ webhooks: Array<{ id: string }>; nextCursor: string | null }>(server.call('GET', `/api/v1/webhooks?limit=1&cursor=${first.nextCursor}`));
    expect(second.webhooks.map((w) => w.id)).toEqual([b.id]);
    expect(second.nextCursor).toBeNull();
    const patched = await json<CreatedWebhook>(server.call('PATCH', `/api/v1/webhooks/${a.id}`, { events: ['interview.completed', 'interview.no_show'], description: null }));
    expect(patched).toMatchObject({ events: ['interview.completed', 'interview.no_show'], description: null, status: 'active' });
    const sent = [await testEvent(a.id), await testEvent(a.id), await testEvent(a.id)];
    const page1 = await json<{ deliveries: Delivery[]; nextCursor: string }>(server.call('GET', `/api/v1/webhooks/${a.id}/deliveries?limit=2`));
    const page2 = await json<{ deliveries: Delivery[]; nextCursor: string | null }>(server.call('GET', `/api/v1/webhooks/${a.id}/deliveries?limit=2&cursor=${page1.nextCursor}`));
    expect([...page1.deliveries, ...page2.deliveries].map((d) => d.id)).toEqual(sent.map((d) => d.id).reverse());
    expect(page2.nextCursor).toBeNull();
    await json(server.call('DELETE', `/api/v1/webhooks/${a.id}`), 204);
    expect((await server.call('GET', `/api/v1/webhooks/${a.id}`)).status).toBe(404);
    expect(await drain()).toBe(0);
    expect(r.received).toHaveLength(0);
  });

  it("answers 404 for another organization's endpoint, whatever the operation", async () => {
    const r = await receiver();
    const mine = await subscribe(r, ['interview.scheduled']);
    const other = await server.newOrganization('Globex');
    const as = { authorization: `Bearer ${other.apiKey}` };
    for (const [method, path, body] of [
      ['GET', `/api/v1/webhooks/${mine.id}`, undefined],
      ['PATCH', `/api/v1/webhooks/${mine.id}`, { status: 'active' }],
      ['DELETE', `/api/v1/webhooks/${mine.id}`, undefined],
      ['POST', `/api/v1/webhooks/${mine.id}/secret`, undefined],
      ['POST', `/api/v1/webhooks/${mine.id}/test`, undefined],
      ['GET', `/api/v1/webhooks/${mine.id}/deliveries`, undefined],
    ] as const) {
      expect((await server.call(method, path, body, as)).status, `${method} ${path}`).toBe(404);
    }
    expect((await json<{ webhooks: unknown[] }>(server.call('GET', '/api/v1/webhooks', undefined, as))).webhooks).toEqual([]);
  });
});

describe('addresses the server must not reach', () => {
  it('refuses loopback and private URLs with URL_NOT_ALLOWED unless private URLs are allowed', async () => {
    const strict = await startTestServer({ now: now.toISOString(), allowPrivateUrls: false });
    try {
      for (const url of ['http://127.0.0.1:8080/hooks', 'http://10.1.2.3/hooks', 'http://[::1]/hooks', 'http://169.254.169.254/latest', 'http://localhost/hooks']) {
        const res = await strict.call('POST', '/api/v1/webhooks', { url, events: ['interview.scheduled'] });
        const body = (await res.json()) as { code: string; detail: string };
        expect(res.status, url).toBe(400);
        expect(body.code).toBe('URL_NOT_ALLOWED');
        expect(body.detail).toMatch(/private, loopback or link-local/);
      }
      const ftp = (await (await strict.call('POST', '/api/v1/webhooks', { url: 'ftp://example.com/x', events: ['interview.scheduled'] })).json()) as { code: string; detail: string };
      expect(ftp).toMatchObject({ code: 'URL_NOT_ALLOWED' });
      expect(ftp.detail).toContain('Only http and https');
    } finally {
      await strict.close();
    }
  });

  it('refuses a URL with a user name or password in words that fit a webhook', async () => {
    const res = await server.call('POST', '/api/v1/webhooks', { url: 'http://user:pw@127.0.0.1:3230/x', events: ['interview.scheduled'] });
    const body = (await res.json()) as { code: string; detail: string };
    expect(res.status).toBe(400);
    expect(body).toMatchObject({ code: 'URL_NOT_ALLOWED', detail: 'A webhook URL may not carry a user name or password; verify deliveries by their signature instead.' });
  });

  it('refuses at connect time a name that now resolves to loopback (DNS rebinding)', async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    // Stored while the name pointed to a public address; it now answers 127.0.0.1.
    const stored = await server.ctx.store.webhooks.create({
      organizationId: server.organizationId,
      url: `http://hooks.rebind.test:${port}/hooks`,
      description: null,
      events: ['interview.scheduled'],
      secretSealed: server.ctx.secrets!.seal('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'),
      at: now,
    });
    await testEvent(stored.id);
    const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await drain(worker({ resolve, allowPrivate: false }))).toBe(1);
    expect(r.received).toHaveLength(0);
    const [delivery] = await deliveries(stored.id);
    expect(delivery).toMatchObject({ status: 'pending', lastResponseStatus: null });
    expect(delivery!.lastError).toContain('private, loopback or link-local');
    // The same name, allowed to reach private addresses, is delivered: the refusal was the guard's.
    advance(5_000);
    expect(await drain(worker({ resolve, allowPrivate: true }))).toBe(1);
    expect(r.received).toHaveLength(1);
  });
});

describe.each(testEngines().filter((e) => e.name === 'postgres'))('on a PostgreSQL server ($name)', (engine) => {
  it('queues with the change, delivers verified, and retries with the same webhook-id', async () => {
    const pg = await startTestServer({ now: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(), opened: await engine.open() });
    const r = await receiver();
    try {
      const created = await json<CreatedWebhook>(pg.call('POST', '/api/v1/webhooks', { url: r.url, events: ['interview.scheduled', 'interview.cancelled'] }), 201);
      r.secrets = [created.secret];
      r.answers = [{ status: 503 }, { status: 204 }];
      const ann = (await json<{ id: string }>(pg.call('POST', '/api/v1/members', { name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS }), 201)).id;
      const opening = (await json<{ id: string }>(pg.call('POST', '/api/v1/openings', { title: 'Engineer' }), 201)).id;
      const candidate = (await json<{ id: string }>(pg.call('POST', '/api/v1/candidates', { name: 'Jo', email: 'jo@example.com', timezone: 'UTC' }), 201)).id;
      const booked = await json<{ id: string }>(pg.call('POST', '/api/v1/interviews', { openingId: opening, candidateId: candidate, title: 'Round 1', durationMinutes: 60, panel: [ann], start: inDays(3, 9) }), 201);
      await json(pg.call('POST', `/api/v1/interviews/${booked.id}/cancel`, { reason: 'scheduling_error' }));
      const w = createWebhookWorker({
        store: pg.ctx.store,
        secrets: pg.ctx.secrets,
        clock: pg.ctx.clock,
        policy: { allowPrivateAddresses: true },
        sender: { fromAddress: 'no-reply@leeway.test', mailDomain: 'leeway.test' },
      });
      expect(await drain(w)).toBe(1);
      pg.setNow(new Date(pg.ctx.clock().getTime() + 5_000));
      expect(await drain(w)).toBe(2);
      expect(r.types()).toEqual(['interview.scheduled', 'interview.scheduled', 'interview.cancelled']);
      expect(r.received[0]!.headers['webhook-id']).toBe(r.received[1]!.headers['webhook-id']);
      expect(r.received[2]!.verified.ok && r.received[2]!.verified.event.data).toMatchObject({ interview: { id: booked.id, status: 'cancelled' } });
    } finally {
      await pg.close();
    }
  });
});
