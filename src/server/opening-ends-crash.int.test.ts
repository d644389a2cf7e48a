import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../notify/outbox-worker.ts';
import { createSmtpSender } from '../notify/smtp-sender.ts';
import { startSmtpTestServer } from '../notify/testing/smtp-test-server.ts';
import type { OpenStore } from '../store/index.ts';
import type { WorkingHours } from '../core/types.ts';
import { DEFAULT_APP_CONFIG } from '../app/context.ts';
import type { AppContext } from '../app/context.ts';
import { createOrganization } from '../app/organizations.ts';
import { resumeOpeningEnds } from '../app/openings/end-opening.ts';
import type { CascadeCrashChildConfig } from '../app/openings/testing/cascade-crash-child.ts';
import { Cleanups, durableTargets, openTracked } from '../store/testing/durable-targets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../app/openings/testing/cascade-crash-child.ts', import.meta.url));
const T0 = new Date('2026-12-01T12:00:00Z');
const DAY: Array<[string, string]> = [['09:00', '17:00']];
const NINE_TO_FIVE: WorkingHours = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] };
const INTERVIEWS = 10;
const BATCH = 3;

const cleanups = new Cleanups();
afterEach(() => cleanups.runAll());

const targets = durableTargets('cascade-crash', cleanups);

function startChild(config: CascadeCrashChildConfig): { child: ChildProcess; output: () => string; exited: Promise<unknown> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, CASCADE_CRASH_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, output: () => output, exited };
}

async function until(what: string, condition: () => boolean, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`the child exited (${child.exitCode}) before ${what}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; child output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An organization, three panelists, an opening with INTERVIEWS candidates (every other one scheduled) and a hire. */
async function seed(store: OpenStore['store']) {
  const ctx: AppContext = { store, clock: () => T0, config: DEFAULT_APP_CONFIG };
  const { organization } = await createOrganization(ctx, { name: 'Acme', timezone: 'America/New_York' });
  const org = organization.id;
  await store.organizations.update(org, { contactEmail: 'recruiting@acme.test' });
  const panel = [];
  for (const name of ['Grace', 'Alan', 'Ada']) {
    panel.push((await store.members.create(org, { name, email: `${name.toLowerCase()}@acme.test`, role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE })).id);
  }
  const opening = await store.openings.create(org, { title: 'Platform Engineer' });
  const interviews: Array<{ id: string; candidateEmail: string; scheduled: boolean }> = [];
  for (let i = 0; i <= INTERVIEWS; i += 1) {
    const email = `candidate${i}@example.com`;
    const candidate = await store.candidates.create(org, { name: `Candidate ${i}`, email, timezone: 'Europe/Berlin' });
    const scheduled = i % 2 === 0;
    const start = scheduled ? new Date(Date.UTC(2026, 11, 7 + Math.floor(i / 4), 14 + (i % 4))) : null;
    const end = start ? new Date(start.getTime() + 3_600_000) : null;
    const interview = await store.interviews.create(
      org,
      { openingId: opening.id, candidateId: candidate.id, title: 'Onsite', durationMinutes: 60, panel, status: scheduled ? 'scheduled' : 'invited', start, end, uid: `${randomUUID()}@leeway.test` },
      new Date('2026-11-20T12:00:00Z'),
    );
    if (start && end) await store.interviews.bookPanel(org, interview.id, panel, { start, end });
    // The last candidate is the one hired: their interview stays and they hear nothing.
    if (i < INTERVIEWS) interviews.push({ id: interview.id, candidateEmail: email, scheduled });
    else return { org, openingId: opening.id, hired: { candidateId: candidate.id, interviewId: interview.id, email }, interviews };
  }
  throw new Error('unreachable');
}

describe.each(targets)('position-filled cascade on $name', (target) => {
  it('killed with SIGKILL mid-cascade, it finishes after restart: every interview cancelled once, every message once', async () => {
    const connect = await target.prepare();
    const first = await openTracked(connect, cleanups);
    const seeded = await seed(first.store);
    await first.close();

    // The child fills the opening; batch 1 commits, and it is killed inside batch 2's transaction.
    const { child, output, exited } = startChild({
      connect,
      organizationId: seeded.org,
      openingId: seeded.openingId,
      hiredCandidateId: seeded.hired.candidateId,
      at: T0.toISOString(),
      batchSize: BATCH,
      stopInBatch: 2,
    });
    await until('batch 2 written but not committed', () => output().includes('batch 2 written'), child, output);
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expect(output()).not.toContain('finished');

    // After restart: the opening is filled; batch 1 happened whole, batch 2 not at all.
    const again = await openTracked(connect, cleanups);
    const store = again.store;
    const opening = await store.openings.get(seeded.org, seeded.openingId);
    expect(opening).toMatchObject({ status: 'filled', hiredCandidateId: seeded.hired.candidateId, endedAt: T0 });
    expect(await store.openingEnds.counts(seeded.org, seeded.openingId)).toMatchObject({ cancelledInterviews: BATCH, remaining: INTERVIEWS - BATCH });
    expect((await store.outbox.list(seeded.org, { limit: 1000 })).filter((m) => m.kind !== 'reminder')).toHaveLength(
      seeded.interviews.filter((i) => i.id < [...seeded.interviews].sort((a, b) => a.id.localeCompare(b.id))[BATCH]!.id).reduce((n, i) => n + (i.scheduled ? 4 : 1), 0),
    );

    // The background loop's call finishes it.
    const ctx: AppContext = { store, clock: () => new Date(T0.getTime() + 60_000), config: DEFAULT_APP_CONFIG };
    expect(await resumeOpeningEnds(ctx, { batchSize: BATCH })).toEqual({ openings: 1, cancelledInterviews: INTERVIEWS - BATCH });
    expect(await resumeOpeningEnds(ctx)).toEqual({ openings: 0, cancelledInterviews: 0 });

    for (const interview of seeded.interviews) {
      const row = await store.interviews.get(seeded.org, interview.id);
      expect(row?.status).toBe('cancelled');
      const cancellations = (await store.interviews.history(seeded.org, interview.id)).filter((h) => h.action === 'cancelled');
      expect(cancellations).toHaveLength(1);
      expect(cancellations[0]).toMatchObject({ actor: 'employer', reason: 'position_filled' });
      const kinds = (await store.outbox.list(seeded.org, { interviewId: interview.id })).map((m) => m.kind).sort();
      expect(kinds).toEqual(interview.scheduled ? ['employer_cancellation', 'panel_cancellation', 'panel_cancellation', 'panel_cancellation'] : ['invitation_withdrawn']);
    }
    expect((await store.interviews.get(seeded.org, seeded.hired.interviewId))?.status).toBe('scheduled');
    expect(await store.outbox.list(seeded.org, { interviewId: seeded.hired.interviewId })).toHaveLength(0);

    // Delivered: each candidate gets exactly one message, each panelist one CANCEL per held event.
    const smtp = await startSmtpTestServer();
    cleanups.push(() => smtp.close());
    const sender = createSmtpSender({ url: smtp.url, timeoutMs: 5_000 });
    cleanups.push(() => sender.close());
    const worker = createOutboxWorker({ store, send: (email) => sender.send(email), clock: ctx.clock, secrets: ctx.secrets });
    for (let i = 0; i < 20; i += 1) {
      const result = await worker.runOnce();
      if (result.claimed === 0) break;
    }
    const scheduledCount = seeded.interviews.filter((i) => i.scheduled).length;
    await smtp.waitForMessages(INTERVIEWS + 3 * scheduledCount);
    const byRecipient = new Map<string, number>();
    for (const mail of smtp.messages) byRecipient.set(mail.envelope.to[0]!, (byRecipient.get(mail.envelope.to[0]!) ?? 0) + 1);
    for (const interview of seeded.interviews) expect(byRecipient.get(interview.candidateEmail)).toBe(1);
    expect(byRecipient.get(seeded.hired.email)).toBeUndefined();
    for (const member of ['grace@acme.test', 'alan@acme.test', 'ada@acme.test']) expect(byRecipient.get(member)).toBe(scheduledCount);
    expect(new Set(smtp.messages.map((m) => m.parsed.messageId)).size).toBe(smtp.messages.length);
  }, 60_000);
});
