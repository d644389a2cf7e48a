import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectOptions } from '../store/index.ts';
import { Cleanups, durableTargets, openTracked } from '../store/testing/durable-targets.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import type { KeyedCrashChildConfig } from './testing/keyed-request-crash-child.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./testing/keyed-request-crash-child.ts', import.meta.url));
const NOW = '2026-12-01T12:00:00Z';
const DAY: Array<[string, string]> = [['09:00', '17:00']];
const NINE_TO_FIVE = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] };

const cleanups = new Cleanups();
afterEach(() => cleanups.runAll());
const targets = durableTargets('keyed-crash', cleanups);

/** A test server on the database, closed by `cleanups` unless the test closes it first. */
async function serverOn(connect: ConnectOptions): Promise<TestServer> {
  return startTestServer({ now: NOW, opened: await openTracked(connect, cleanups) });
}

async function created(response: Promise<Response>): Promise<{ id: string }> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return JSON.parse(text) as { id: string };
}

/** Runs the child until it prints `mark`, then kills it with SIGKILL, as a crash would. */
async function killChildAt(config: KeyedCrashChildConfig, mark: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, KEYED_CRASH_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const deadline = Date.now() + 30_000;
  while (!output.includes(mark)) {
    if (child.exitCode !== null) throw new Error(`the child exited (${child.exitCode}) before "${mark}":\n${output}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${mark}"; child output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  await exited;
  expect(child.signalCode).toBe('SIGKILL');
}

/** A panelist, an opening and a candidate, and the body that books them for Thursday 15:00 UTC. */
async function seed(server: TestServer): Promise<{ body: string; candidateId: string }> {
  const member = await created(server.call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
  const opening = await created(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }));
  const candidate = await created(server.call('POST', '/api/v1/candidates', { name: 'Cy', email: 'cy@example.com', timezone: 'UTC' }));
  const body = JSON.stringify({ openingId: opening.id, candidateId: candidate.id, title: 'Onsite', durationMinutes: 60, panel: [member.id], start: '2026-12-03T15:00:00Z' });
  return { body, candidateId: candidate.id };
}

/** The candidate's interviews, read with the organization's key (`apiKey`: a server started again makes an organization of its own). */
async function interviewsOf(server: TestServer, apiKey: string, candidateId: string): Promise<Array<{ id: string }>> {
  const res = await server.call('GET', `/api/v1/interviews?candidateId=${candidateId}`, undefined, { authorization: `Bearer ${apiKey}` });
  expect(res.status).toBe(200);
  return ((await res.json()) as { interviews: Array<{ id: string }> }).interviews;
}

describe.each(targets)('a keyed booking whose process is killed, on $name', (target) => {
  it('leaves nothing when killed as its answer is stored: the retry books it once', async () => {
    const connect = await target.prepare();
    const first = await serverOn(connect);
    const { body, candidateId } = await seed(first);
    await first.close();

    await killChildAt({ connect, apiKey: first.apiKey, idempotencyKey: 'book-cy', body, at: NOW, stopAt: 'answering' }, 'answering');

    const again = await serverOn(connect);
    expect(await interviewsOf(again, first.apiKey, candidateId)).toEqual([]);
    const retry = await again.call('POST', '/api/v1/interviews', body, { authorization: `Bearer ${first.apiKey}`, 'idempotency-key': 'book-cy' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const booked = (await retry.json()) as { id: string; status: string };
    expect(booked.status).toBe('scheduled');
    expect((await interviewsOf(again, first.apiKey, candidateId)).map((i) => i.id)).toEqual([booked.id]);
  }, 60_000);

  it('keeps its answer with its change when killed after the commit: the retry replays it', async () => {
    const connect = await target.prepare();
    const first = await serverOn(connect);
    const { body, candidateId } = await seed(first);
    await first.close();

    await killChildAt({ connect, apiKey: first.apiKey, idempotencyKey: 'book-cy', body, at: NOW, stopAt: 'committed' }, 'committed');

    const again = await serverOn(connect);
    const [booked] = await interviewsOf(again, first.apiKey, candidateId);
    expect(booked).toBeDefined();
    // At once, not after a lapse: the key was answered in the change's own transaction.
    const retry = await again.call('POST', '/api/v1/interviews', body, { authorization: `Bearer ${first.apiKey}`, 'idempotency-key': 'book-cy' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(booked!.id);
    expect(await interviewsOf(again, first.apiKey, candidateId)).toHaveLength(1);
  }, 60_000);
});
