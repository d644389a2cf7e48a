import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSane, bodyText, hostileBody, seedFixture, seen, snapshot } from './testing/fuzz-helpers.ts';
import type { Fixture } from './testing/fuzz-helpers.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/**
 * Random and hostile JSON bodies for every POST/PATCH endpoint: never a 5xx, always a problem document
 * for a 4xx, never a stack trace, and nothing changes when the request is refused.
 */

let server: TestServer;
let fx: Fixture;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  fx = await seedFixture(server);
});
afterAll(async () => {
  await server?.close();
});

interface Endpoint {
  method: 'POST' | 'PATCH';
  path: () => string;
  valid: () => Record<string, unknown>;
  /** Candidate routes carry their own credential: no API key. */
  anonymous?: boolean;
}

const ENDPOINTS: Record<string, Endpoint> = {
  organization: {
    method: 'PATCH', path: () => '/api/v1/organization',
    valid: () => ({ name: 'Acme', timezone: 'America/New_York', contactEmail: 'recruiting@acme.test', contactPhone: '+1 555 0100', hrContactEmail: 'hr@acme.test', noticePolicy: { ampleHours: 48, adequateHours: 24 }, reminders: [48, 24] }),
  },
  createMember: {
    method: 'POST', path: () => '/api/v1/members',
    valid: () => ({ name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', phone: '+1', workingHours: NINE_TO_FIVE, bufferMinutes: 10 }),
  },
  patchMember: {
    method: 'PATCH', path: () => `/api/v1/members/${fx.members[0]}`,
    valid: () => ({ name: 'Ann', email: 'bob@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE, bufferMinutes: 0 }),
  },
  busy: {
    method: 'POST', path: () => `/api/v1/members/${fx.members[0]}/busy`,
    valid: () => ({ start: '2026-12-03T10:30:00Z', end: '2026-12-03T10:00:00Z', title: 'x' }),
  },
  opening: { method: 'POST', path: () => '/api/v1/openings', valid: () => ({ title: ' ', department: 'Eng', location: 'NYC' }) },
  candidate: { method: 'POST', path: () => '/api/v1/candidates', valid: () => ({ name: 'Cy', email: 'not-an-email', phone: '1', timezone: 'UTC' }) },
  interview: {
    method: 'POST', path: () => '/api/v1/interviews',
    // Collides with the scheduled interview: refused unless a mutation makes it valid.
    valid: () => ({ openingId: fx.opening, candidateId: fx.candidate, title: 'Screen', durationMinutes: 60, panel: fx.members, location: 'Room 1', videoUrl: 'https://meet.test/x', start: '2026-12-03T10:00:00Z' }),
  },
  employerCancel: { method: 'POST', path: () => `/api/v1/interviews/${fx.scheduled.id}/cancel`, valid: () => ({ reason: 'not_a_reason', note: 'n', message: 'm' }) },
  employerReschedule: { method: 'POST', path: () => `/api/v1/interviews/${fx.scheduled.id}/reschedule`, valid: () => ({ start: '2026-12-04T10:00:00Z', reason: 'scheduling_error' }) },
  noShow: { method: 'POST', path: () => `/api/v1/interviews/${fx.scheduled.id}/no-show`, valid: () => ({ party: 'interviewer', memberId: fx.members[0] }) },
  complete: { method: 'POST', path: () => `/api/v1/interviews/${fx.scheduled.id}/complete`, valid: () => ({}) },
  endEarly: { method: 'POST', path: () => `/api/v1/interviews/${fx.scheduled.id}/end-early`, valid: () => ({ by: 'candidate', reason: 'x', note: 'n' }) },
  accept: { method: 'POST', anonymous: true, path: () => `/api/v1/candidate/${fx.invited.token}/accept`, valid: () => ({ start: '2026-12-01T12:00:00Z' }) },
  candidateReschedule: { method: 'POST', anonymous: true, path: () => `/api/v1/candidate/${fx.scheduled.token}/reschedule`, valid: () => ({ start: '2026-12-04T10:00:00Z', reason: 'bogus', note: 'n' }) },
  candidateCancel: { method: 'POST', anonymous: true, path: () => `/api/v1/candidate/${fx.scheduled.token}/cancel`, valid: () => ({ reason: 'bogus', note: 'n', message: 'm', calledAhead: true }) },
  decline: { method: 'POST', anonymous: true, path: () => `/api/v1/candidate/${fx.invited.token}/decline`, valid: () => ({ reason: 'bogus', message: 'm', keepInTouch: true, referral: { name: 'Di', email: 'di@example.com' } }) },
  withdraw: { method: 'POST', anonymous: true, path: () => `/api/v1/candidate/${fx.scheduled.token}/withdraw`, valid: () => ({ reason: 'bogus', message: 'm' }) },
  concern: { method: 'POST', anonymous: true, path: () => `/api/v1/candidate/${fx.scheduled.token}/concern`, valid: () => ({ category: 'bogus', details: 'd' }) },
  compose: {
    method: 'POST', path: () => '/api/v1/compose',
    valid: () => ({ kind: 'candidate_cancel', tone: 'warm', context: { candidateName: 'Cy', companyName: 'Acme', roleTitle: 'Eng', interviewStart: '2026-12-03T10:00:00Z', now: '2026-12-01T12:00:00Z', timezone: 'UTC', reason: 'schedule_conflict', proposedTimes: ['2026-12-05T10:00:00Z'], keepInTouch: true, referral: { name: 'Di', email: 'di@example.com' }, coordinatorPhone: '+1', links: { cancel: 'https://x.test/c' }, location: 'Room', leaveBy: '2026-12-03T09:00:00Z' } }),
  },
  review: { method: 'POST', path: () => '/api/v1/review', valid: () => ({ kind: 'candidate_cancel', text: 'Thank you. I am sorry, I have a conflict.', context: { interviewStart: '2026-12-03T10:00:00Z', now: '2026-12-01T12:00:00Z', timezone: 'UTC', reason: 'schedule_conflict', calledAhead: false } }) },
  screen: { method: 'POST', path: () => '/api/v1/screen-questions', valid: () => ({ questions: ['How old are you?', 'Are you married?'], jurisdiction: 'US' }) },
  session: { method: 'POST', anonymous: true, path: () => '/api/v1/session', valid: () => ({ email: 'nobody@acme.test', password: 'wrong' }) },
};

/** Endpoints whose 2xx is harmless to the fixture's idea of "unchanged". */
const PURE = new Set(['compose', 'review', 'screen', 'session']);

async function send(endpoint: Endpoint, body: unknown) {
  const path = endpoint.path();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!endpoint.anonymous) headers.authorization = `Bearer ${server.apiKey}`;
  const text = bodyText(body);
  const response = await server.app.request(path, { method: endpoint.method, headers, body: text });
  return seen(endpoint.method, path, response);
}

describe('hostile JSON bodies', () => {
  for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
    it(`${endpoint.method} ${name}: no 5xx, problem documents, no change when refused`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileBody(endpoint.valid()), async (body) => {
          const check = !PURE.has(name);
          const before = check ? await snapshot(server, fx.members) : '';
          const r = await send(endpoint, body);
          assertSane(r);
          if (check && r.status >= 400) expect(await snapshot(server, fx.members)).toBe(before);
        }),
        { numRuns: 25 },
      );
    });
  }
});

/** Replaces every string inside a value (keys kept) with one carrying the given poison. */
function poison(value: unknown, bad: string): unknown {
  if (typeof value === 'string') return `${value}${bad}`;
  if (Array.isArray(value)) return value.map((v) => poison(v, bad));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, bad)]));
  return value;
}

describe('control characters the database refuses (NUL) and lone surrogates in every string field', () => {
  it('every endpoint: no 5xx, no change when refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(ENDPOINTS)), fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDFFF\uD800'), fc.string({ maxLength: 8 }), async (name, bad, onlyKey) => {
        const endpoint = ENDPOINTS[name]!;
        const valid = endpoint.valid();
        // Poison either all fields or one: refusing one field must not hide another.
        const key = Object.keys(valid).find((k) => k.startsWith(onlyKey.slice(0, 1))) ;
        const body = key ? { ...valid, [key]: poison(valid[key], bad) } : poison(valid, bad);
        const check = !PURE.has(name);
        const before = check ? await snapshot(server, fx.members) : '';
        const r = await send(endpoint, body);
        assertSane(r);
        if (check && r.status >= 400) expect(await snapshot(server, fx.members)).toBe(before);
      }),
      { numRuns: 120 },
    );
  });
});
