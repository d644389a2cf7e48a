/**
 * The position-filled cascade at scale: an opening with 1,000 scheduled interviews, each with a panel of
 * three, filled through `POST /api/v1/openings/{id}/fill` on a whole test server. Times the request,
 * counts the database round trips it made (every `pg` client query: the same driver serves PGlite and
 * PostgreSQL) and checks what it wrote: every interview cancelled once, four emails each.
 * Run alone with `node --import tsx bench/opening-cascade.ts`; `bench/run.ts` includes it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startTestServer } from '../src/server/testing/test-server.ts';
import type { Member, WorkingHours } from '../src/core/types.ts';
import { openStore } from '../src/store/index.ts';
import type { ConnectOptions, OpenStore } from '../src/store/index.ts';
import type { BenchSection } from './bench-section.ts';
import { formatTable } from './format-table.ts';

const INTERVIEWS = 1000;
const PANEL = 3;
const MEMBERS = 30;
const TARGET_MS = 5000;
const DAY: Array<[string, string]> = [['09:00', '17:00']];
const NINE_TO_FIVE: WorkingHours = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] };
const RUNS = Number(process.env.RUNS ?? 3);

/** Counts queries sent through any `pg` client (PGlite's adapter included) while `counting` is on. */
let counting = false;
let roundTrips = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) roundTrips += 1;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

interface Target {
  name: string;
  open(): Promise<{ opened: OpenStore; cleanup: () => Promise<void> }>;
}

function targets(): Target[] {
  const list: Target[] = [
    {
      name: 'PGlite (embedded, in-memory)',
      open: async () => ({ opened: await openStore({ engine: 'pglite', dataDir: 'memory://' }), cleanup: async () => {} }),
    },
    {
      name: 'PGlite (embedded, data folder)',
      open: async () => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leeway-cascade-bench-'));
        return { opened: await openStore({ engine: 'pglite', dataDir }), cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    list.push({
      name: 'PostgreSQL (`TEST_DATABASE_URL`)',
      open: async () => {
        const name = `leeway_cascade_${randomBytes(6).toString('hex')}`;
        await admin(adminUrl, `CREATE DATABASE ${name}`);
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        const connect: ConnectOptions = { engine: 'postgres', url: url.toString() };
        return { opened: await openStore(connect), cleanup: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
      },
    });
  }
  return list;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

interface Run {
  ms: number;
  roundTrips: number;
  messages: number;
  cancelled: number;
  failures: string[];
}

async function runOnce(target: Target): Promise<Run> {
  const { opened, cleanup } = await target.open();
  try {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened });
    const { store } = server.ctx;
    const org = server.organizationId;
    await store.organizations.update(org, { contactEmail: 'recruiting@acme.test' });
    const members: Member[] = [];
    for (let i = 0; i < MEMBERS; i += 1) {
      members.push(await store.members.create(org, { name: `Panelist ${i}`, email: `panelist${i}@acme.test`, role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE }));
    }
    const opening = await store.openings.create(org, { title: 'Platform Engineer' });
    const start0 = new Date('2026-12-07T14:00:00Z').getTime();
    // Seeded in one transaction: interviews an hour apart, panels of three rotating over the members.
    await store.transaction(async (trx) => {
      for (let i = 0; i < INTERVIEWS; i += 1) {
        const candidate = await trx.candidates.create(org, { name: `Candidate ${i}`, email: `candidate${i}@example.com`, timezone: 'Europe/Berlin' });
        const start = new Date(start0 + i * 3_600_000);
        const end = new Date(start.getTime() + 3_600_000);
        const panel = Array.from({ length: PANEL }, (_, k) => members[(i * PANEL + k) % MEMBERS]!.id);
        const interview = await trx.interviews.create(
          org,
          { openingId: opening.id, candidateId: candidate.id, title: 'Onsite', durationMinutes: 60, panel, status: 'scheduled', start, end, uid: `${randomUUID()}@leeway.test` },
          new Date('2026-11-20T12:00:00Z'),
        );
        await trx.interviews.bookPanel(org, interview.id, panel, { start, end });
      }
    });

    const outboxBefore = await count(store, org);
    roundTrips = 0;
    counting = true;
    const before = performance.now();
    const response = await server.call('POST', `/api/v1/openings/${opening.id}/fill`, {});
    const ms = performance.now() - before;
    counting = false;
    const body = (await response.json()) as { cancelledInterviews: number; notifiedCandidates: number };
    const failures: string[] = [];
    if (response.status !== 200) failures.push(`${target.name}: fill answered ${response.status}`);
    if (body.cancelledInterviews !== INTERVIEWS || body.notifiedCandidates !== INTERVIEWS) {
      failures.push(`${target.name}: cancelled ${body.cancelledInterviews}, notified ${body.notifiedCandidates}, expected ${INTERVIEWS}`);
    }
    const messages = (await count(store, org)) - outboxBefore;
    if (messages !== INTERVIEWS * (1 + PANEL)) failures.push(`${target.name}: ${messages} messages, expected ${INTERVIEWS * (1 + PANEL)}`);
    await opened.close();
    return { ms, roundTrips, messages, cancelled: body.cancelledInterviews, failures };
  } finally {
    await cleanup();
  }
}

async function count(store: OpenStore['store'], org: string): Promise<number> {
  return (await store.outbox.list(org, { limit: 1_000_000 })).length;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export async function benchOpeningCascade(log: (line: string) => void): Promise<BenchSection> {
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const target of targets()) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await runOnce(target));
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const worst = times.at(-1)!;
    failures.push(...runs.flatMap((r) => r.failures));
    if (target.name.startsWith('PGlite') && worst > TARGET_MS) failures.push(`${target.name}: ${fmt(worst)} ms, over the ${TARGET_MS} ms target`);
    const row = [
      target.name,
      String(INTERVIEWS),
      String(PANEL),
      String(runs[0]!.messages),
      fmt(median),
      fmt(worst),
      `≤ ${TARGET_MS} ${worst <= TARGET_MS ? '✓' : '✗'}`,
      String(runs[0]!.roundTrips),
      String(RUNS),
    ];
    log(row.join('  '));
    rows.push(row);
  }
  return {
    title: 'Position filled: the cascade (`POST /api/v1/openings/{id}/fill`, 1,000 interviews)',
    method: [
      `An opening with ${INTERVIEWS} scheduled interviews, each with its own candidate and a panel of ${PANEL} (rotating over ${MEMBERS}`,
      'members, bookings stored), seeded through the store on a whole test server (`startTestServer`, organization with a',
      'contact address). One `POST /api/v1/openings/{id}/fill` is timed in-process through `app.request`, from the request',
      'to the JSON answer: ending the opening and closing its waitlist, then batches of 200 interviews, each one transaction',
      'that locks its interviews (`FOR UPDATE SKIP LOCKED`), decides every cancellation in the core, renders every email',
      'with its iCalendar CANCEL, and writes the interviews, freed bookings, dropped waiting reminders, outbox rows and history',
      `lines in a few multi-row statements; then the counts it answers. Each figure is a fresh database; ${RUNS} runs per`,
      'database, median and slowest. "round trips" counts every query sent through the `pg` client during the request',
      '(the same driver serves PGlite), including BEGIN/COMMIT. The answer and the outbox are checked: every interview',
      'cancelled, one email to each candidate and one to each panelist (4,000 messages).',
    ].join('\n'),
    table: formatTable(
      ['database', 'interviews', 'panel', 'messages', 'median ms', 'slowest ms', 'target (ms)', 'round trips', 'runs'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    failures,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const section = await benchOpeningCascade((line) => console.log(line));
  console.log(`\n## ${section.title}\n\n${section.table}`);
  for (const failure of section.failures) console.error(`WRONG: ${failure}`);
  if (section.failures.length > 0) process.exitCode = 1;
}
