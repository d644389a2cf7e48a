import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../app/notifications/enqueue-email.ts';
import type { EmailToQueue } from '../app/notifications/enqueue-email.ts';
import { createOutboxKeeper } from '../notify/outbox-keeper.ts';
import { testEngines } from '../store/testing/engines.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface MessageBody {
  id: string;
  kind: string;
  to: string;
  from: { name: string; address: string } | null;
  replyTo: { name: string; address: string } | null;
  subject: string;
  body: string | null;
  status: string;
  attempts: number;
  icsMethod: string | null;
  sequence: number | null;
  interviewId: string | null;
  messageId: string;
  createdAt: string;
  sentAt: string | null;
}
interface PageBody {
  messages: MessageBody[];
  nextCursor: string | null;
}
interface ProblemBody {
  status: number;
  code: string;
  errors?: Array<{ path: string; message: string }>;
}

const T0 = new Date('2026-12-01T12:00:00Z');
const TOKEN = 'lw_cand_ZyXwVuTsRqPoNmLkJiHgFeDcBa987654';

async function read<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  if (status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
  return JSON.parse(text) as T;
}

describe.each(testEngines())('GET /api/v1/messages on $name', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ now: T0.toISOString(), opened: await engine.open() });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Writes a message the way the use cases do, into the given organization. */
  async function queue(overrides: Partial<EmailToQueue> & { at?: Date; interviewId?: string | null; organizationId?: string } = {}) {
    const { at = T0, interviewId = null, organizationId = server.organizationId, ...email } = overrides;
    return enqueueEmail(
      server.ctx.store,
      { organizationId, organizationName: 'Acme', interviewId, config: server.ctx.config, secrets: server.ctx.secrets, at },
      {
        kind: 'confirmation',
        to: { name: 'Ada Lovelace', address: 'ada@example.test' },
        replyTo: { name: 'Grace Hopper', address: 'grace@acme.test' },
        subject: 'Your interview on 3 December',
        text: 'Dear Ada,\n\nSee you then.\n',
        ...email,
      },
    );
  }

  const get = (query = '') => server.call('GET', `/api/v1/messages${query}`);

  it('shows each message as said: subject, body, from, Reply-To, status and calendar', async () => {
    const interviewId = randomUUID();
    const messageId = await queue({
      interviewId,
      text: `Dear Ada,\n\nChange it here: ${server.ctx.config.publicUrl}/c/${TOKEN}\n`,
      calendar: { method: 'REQUEST', ics: `BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nDESCRIPTION:${server.ctx.config.publicUrl}/c/${TOKEN}\r\nEND:VCALENDAR\r\n`, sequence: 2 },
    });
    const page = await read<PageBody>(get(`?interviewId=${interviewId}`));
    expect(page.nextCursor).toBeNull();
    expect(page.messages).toEqual([
      {
        id: expect.any(String),
        kind: 'confirmation',
        to: 'ada@example.test',
        from: { name: 'Acme', address: server.ctx.config.mailFrom.address },
        replyTo: { name: 'Grace Hopper', address: 'grace@acme.test' },
        subject: 'Your interview on 3 December',
        // Exactly the text, but a link is a credential: the API shows no usable token.
        body: `Dear Ada,\n\nChange it here: ${server.ctx.config.publicUrl}/c/lw_cand_[redacted]\n`,
        status: 'pending',
        attempts: 0,
        icsMethod: 'REQUEST',
        // The calendar part as attached, its link redacted like the body's.
        calendar: {
          method: 'REQUEST',
          filename: 'invite.ics',
          ics: `BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nDESCRIPTION:${server.ctx.config.publicUrl}/c/lw_cand_[redacted]\r\nEND:VCALENDAR\r\n`,
        },
        sequence: 2,
        interviewId,
        messageId,
        createdAt: T0.toISOString(),
        scheduledFor: T0.toISOString(),
        sentAt: null,
        lastError: null,
      },
    ]);
    expect(messageId.endsWith(`@${server.ctx.config.mailDomain}>`)).toBe(true);
    expect(messageId).not.toMatch(/@leeway>$/);
  });

  it('shows a message kept without SMTP as kept, a final status', async () => {
    const interviewId = randomUUID();
    await queue({ interviewId, text: `Link: ${server.ctx.config.publicUrl}/c/${TOKEN}\n` });
    const keeper = createOutboxKeeper({ store: server.ctx.store, clock: server.ctx.clock });
    await keeper.runOnce();
    const [message] = (await read<PageBody>(get(`?interviewId=${interviewId}`))).messages;
    expect(message).toMatchObject({ status: 'kept', attempts: 0, sentAt: null, body: `Link: ${server.ctx.config.publicUrl}/c/lw_cand_[redacted]\n` });
  });

  it('filters by status: what is still to go out, and what went', async () => {
    const interviewId = randomUUID();
    // Listed by Message-ID, which is what queueing returns.
    const kept = await queue({ interviewId });
    const pending = await queue({ interviewId });
    const ids = async (query: string) => (await read<PageBody>(get(`?interviewId=${interviewId}&${query}`))).messages.map((message) => message.messageId);
    const keptRow = (await read<PageBody>(get(`?interviewId=${interviewId}`))).messages.find((message) => message.messageId === kept)!;
    await server.ctx.store.outbox.markKept(keptRow.id);
    expect(await ids('status=pending')).toEqual([pending]);
    expect(await ids('status=kept')).toEqual([kept]);
    expect(await ids('status=sent')).toEqual([]);
    const later = await queue({ interviewId, at: new Date(T0.getTime() + 3_600_000) });
    expect(await ids(`status=pending&dueBy=${T0.toISOString()}`)).toEqual([pending]);
    expect(await ids(`status=pending&dueBy=${new Date(T0.getTime() + 3_600_000).toISOString()}`)).toEqual([pending, later]);
  });

  it('filters by interview, recipient (any case) and kind, and never shows another organization', async () => {
    const interviewId = randomUUID();
    await queue({ interviewId, to: { name: 'Bo', address: 'Bo.Filter@Example.test' } });
    await queue({ interviewId, kind: 'reminder', to: { name: 'Bo', address: 'bo.filter@example.test' } });
    await queue({ interviewId, to: { name: 'Cy', address: 'cy.filter@example.test' } });
    const other = await server.newOrganization('Other Org');
    await queue({ interviewId, organizationId: other.organizationId, to: { name: 'Bo', address: 'bo.filter@example.test' } });

    const all = await read<PageBody>(get(`?interviewId=${interviewId}`));
    expect(all.messages).toHaveLength(3);
    const toBo = await read<PageBody>(get(`?interviewId=${interviewId}&to=BO.FILTER@example.TEST`));
    expect(toBo.messages.map((m) => m.kind).sort()).toEqual(['confirmation', 'reminder']);
    const reminders = await read<PageBody>(get(`?to=bo.filter@example.test&kind=reminder`));
    expect(reminders.messages).toHaveLength(1);
    expect(await read<PageBody>(get(`?interviewId=${randomUUID()}`))).toEqual({ messages: [], nextCursor: null });
  });

  it('pages with limit and an opaque cursor in a stable (createdAt, id) order, to a null nextCursor', async () => {
    const interviewId = randomUUID();
    const written: string[] = [];
    // Three share one instant: the id breaks the tie, so none is skipped or repeated across pages.
    for (const minutes of [0, 1, 1, 1, 2, 3, 4]) {
      written.push(await queue({ interviewId, at: new Date(T0.getTime() + minutes * 60_000) }));
    }
    const seen: MessageBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: PageBody = await read<PageBody>(get(`?interviewId=${interviewId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.messages.length).toBeLessThanOrEqual(3);
      seen.push(...page.messages);
      cursor = page.nextCursor;
      pages += 1;
      if (pages === 1) {
        // A message written while the client pages through comes at the end, not in a page already read.
        written.push(await queue({ interviewId, at: new Date(T0.getTime() + 10 * 60_000) }));
      }
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((m) => m.messageId).sort()).toEqual([...written].sort());
    expect(new Set(seen.map((m) => m.id)).size).toBe(8);
    const order = seen.map((m) => [m.createdAt, m.id] as const);
    expect(order).toEqual([...order].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1)));

    // An exact fit ends with a null cursor too, and the default page holds them all.
    const exact = await read<PageBody>(get(`?interviewId=${interviewId}&limit=8`));
    expect(exact.messages).toHaveLength(8);
    expect(exact.nextCursor).toBeNull();
    expect((await read<PageBody>(get(`?interviewId=${interviewId}`))).messages).toHaveLength(8);
  });

  it.each([
    ['interviewId=abc', ['interviewId']],
    ['interviewId=', ['interviewId']],
    ['limit=0', ['limit']],
    ['limit=201', ['limit']],
    ['limit=abc', ['limit']],
    ['limit=1.5', ['limit']],
    ['to=not-an-address', ['to']],
    ['kind=DROP%20TABLE', ['kind']],
    ['status=delivered', ['status']],
    ['dueBy=tomorrow', ['dueBy']],
    ['cursor=nonsense', ['cursor']],
    [`cursor=${Buffer.from('["yesterday","x"]').toString('base64url')}`, ['cursor']],
    ['interviewId=1&limit=-5&cursor=%2F%2F&to=x', ['cursor', 'interviewId', 'limit', 'to']],
  ])('answers a bad filter (%s) with 400 and the fields at fault', async (query, fields) => {
    const problem = await read<ProblemBody>(get(`?${query}`), 400);
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect([...new Set((problem.errors ?? []).map((error) => error.path))].sort()).toEqual(fields);
  });

  it('shows Reply-To and the organization as sender on every message a booking writes', async () => {
    await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test' });
    const member = await read<{ id: string }>(
      server.call('POST', '/api/v1/members', { name: 'Grace Hopper', email: `grace-${engine.name}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
      201,
    );
    const opening = await read<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }), 201);
    const candidate = await read<{ id: string }>(
      server.call('POST', '/api/v1/candidates', { name: 'Jordan Lee', email: `jordan-${engine.name}@example.com`, timezone: 'Europe/Berlin' }),
      201,
    );
    const interview = await read<{ id: string; uid: string }>(
      server.call('POST', '/api/v1/interviews', {
        openingId: opening.id,
        candidateId: candidate.id,
        title: 'Technical interview',
        durationMinutes: 60,
        panel: [member.id],
        start: '2026-12-07T10:00:00Z',
      }),
      201,
    );
    const { messages } = await read<PageBody>(get(`?interviewId=${interview.id}&limit=200`));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.from).toEqual({ name: 'Acme', address: server.ctx.config.mailFrom.address });
      expect(message.replyTo?.address).toMatch(/@/);
      expect(message.body).toBeTruthy();
      expect(message.messageId.endsWith(`@${server.ctx.config.mailDomain}>`)).toBe(true);
    }
  });
});
