import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStore, Store } from '../store/index.ts';
import type { Database } from '../store/schema.ts';
import { testEngines } from '../store/testing/engines.ts';
import { cancellationsReport, CANCELLATION_GROUPINGS, summaryReport } from './analytics.ts';
import type { AppContext } from './context.ts';
import { DEFAULT_APP_CONFIG } from './context.ts';

/**
 * Random histories, windows and zones; every figure of both reports against a count made here in
 * TypeScript, straight from the rows. Instants cluster around DST changes (America, Europe, Australia,
 * Chatham) so local weeks and hours are tried where offsets move, and windows often start or end exactly
 * on a recorded instant so the half-open edges are tried too.
 */

const ZONES = [
  'UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata',
  'Pacific/Chatham', 'America/Sao_Paulo', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Apia',
] as const;
const DST_CHANGES = [
  '2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-04-04T16:00:00Z', '2026-04-05T14:00:00Z',
  '2026-09-26T14:00:00Z', '2026-10-03T16:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z',
].map(Date.parse);

const ACTIONS = [
  'invited', 'scheduled', 'accepted', 'rescheduled', 'new_times_requested', 'cancelled', 'cancelled', 'cancelled',
  'declined', 'withdrawn', 'completed', 'no_show', 'no_show_excused', 'ended_early', 'late', 'concern_raised',
  'panel_declined', 'panel_replaced', 'panel_handed_over', 'filled_from_waitlist',
] as const;
const STATUSES = ['invited', 'scheduled', 'completed', 'cancelled', 'withdrawn', 'no_show', 'ended_early', 'declined'] as const;

/**
 * Instants within a week of a DST change: on the quarter hour (every zone's hour starts on one), or at local
 * wall-clock times in the zone the window is read in, around midnight (week edges) and the small hours
 * (when clocks change); some a millisecond either side.
 */
const instantNear = (base: number, zone: string) => {
  const baseDate = Temporal.Instant.fromEpochMilliseconds(base).toZonedDateTimeISO(zone).toPlainDate();
  const jitter = fc.constantFrom(0, 0, 0, 0, 1, -1, 17_000);
  return fc.oneof(
    fc.tuple(fc.integer({ min: -7 * 96, max: 7 * 96 }), jitter).map(([quarters, ms]) => base + quarters * 900_000 + ms),
    fc
      .tuple(fc.integer({ min: -7, max: 7 }), fc.constantFrom(0, 0, 0, 1, 2, 3, 12, 23), fc.constantFrom(0, 0, 15, 30, 59), jitter)
      .map(([days, hour, minute, ms]) =>
        baseDate.add({ days }).toZonedDateTime({ timeZone: zone, plainTime: new Temporal.PlainTime(hour, minute) }).epochMilliseconds + ms,
      ),
  );
};

const worldNear = (base: number, zone: string) => {
  const instant = instantNear(base, zone);
  const historyRow = fc.record({
    interview: fc.nat(),
    at: instant,
    actor: fc.constantFrom('candidate', 'employer', 'system'),
    action: fc.oneof({ arbitrary: fc.constant('cancelled' as const), weight: 1 }, { arbitrary: fc.constantFrom(...ACTIONS), weight: 2 }),
    noticeClass: fc.option(fc.constantFrom('ample', 'adequate', 'late', 'missed'), { nil: null }),
    reason: fc.option(fc.constantFrom('schedule_conflict', 'illness', 'position_filled'), { nil: null }),
    party: fc.option(fc.constantFrom('candidate', 'interviewer'), { nil: undefined }),
  });
  return fc.record({
    interviews: fc.array(
      fc.record({ status: fc.constantFrom(...STATUSES), start: fc.option(instant, { nil: null }), panel: fc.subarray([0, 1, 2]) }),
      { minLength: 1, maxLength: 8 },
    ),
    history: fc.array(historyRow, { minLength: 3, maxLength: 60, size: 'medium' }),
    freed: fc.array(
      fc.record({ freedAt: instant, status: fc.constantFrom('open', 'filled', 'lapsed'), minutesToFill: fc.integer({ min: 0, max: 6000 }) }),
      { maxLength: 6 },
    ),
    offers: fc.array(
      fc.record({ slot: fc.nat(), offeredAt: instant, status: fc.constantFrom('offered', 'claimed', 'expired', 'withdrawn', 'declined') }),
      { maxLength: 6 },
    ),
  });
};

type World = ReturnType<typeof worldNear> extends fc.Arbitrary<infer T> ? T : never;

const scenario = fc.tuple(fc.constantFrom(...DST_CHANGES), fc.constantFrom(...ZONES)).chain(([base, zone]) =>
  worldNear(base, zone).chain((w) =>
    fc.record({
      world: fc.constant(w),
      from: fc.oneof(instantNear(base, zone).map((at) => at - 7 * 86_400_000), instantNear(base, zone), fc.constantFrom(...w.history.map((h) => h.at))),
      minutes: fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 16 * 1440 }), weight: 4 },
        { arbitrary: fc.constant(0), weight: 1 },
        { arbitrary: fc.constant(400 * 1440), weight: 1 },
      ),
      toAt: fc.option(fc.constantFrom(...w.history.map((h) => h.at)), { nil: null }),
      zone: fc.constant(zone),
    }),
  ),
);

/** The store's connection, for inserting rows as they would be after any sequence of changes. */
function rawDb(store: Store): Kysely<Database> {
  return (store as unknown as { executor: Kysely<Database> }).executor;
}

interface Seeded {
  organizationId: string;
  interviewIds: string[];
  memberIds: string[];
  memberNames: string[];
}

async function seed(store: Store, w: World): Promise<Seeded> {
  const db = rawDb(store);
  const tag = randomUUID().slice(0, 8);
  const org = await db.insertInto('organizations').values({ name: `Org ${tag}`, timezone: 'Europe/London' } as never).returning('id').executeTakeFirstOrThrow();
  const organizationId = org.id;
  const memberNames = ['Ada', 'Grace', 'Linus'].map((name) => `${name} ${tag}`);
  const members = await db
    .insertInto('members')
    .values(memberNames.map((name, i) => ({ organizationId, name, email: `m${i}-${tag}@example.com`, role: 'interviewer', timezone: 'UTC', workingHours: '{}' })) as never)
    .returning('id')
    .execute();
  const memberIds = members.map((m) => m.id);
  const opening = await db.insertInto('openings').values({ organizationId, title: 'Engineer' } as never).returning('id').executeTakeFirstOrThrow();
  const candidates = await db
    .insertInto('candidates')
    .values(w.interviews.map((_, i) => ({ organizationId, name: `C${i}`, email: `c${i}-${tag}@example.com`, timezone: 'UTC' })) as never)
    .returning('id')
    .execute();
  const interviews = await db
    .insertInto('interviews')
    .values(
      w.interviews.map((iv, i) => ({
        organizationId,
        openingId: opening.id,
        candidateId: candidates[i]!.id,
        title: 'Interview',
        durationMinutes: 45,
        startAt: iv.start === null ? null : new Date(iv.start),
        endAt: iv.start === null ? null : new Date(iv.start + 45 * 60_000),
        status: iv.status,
        uid: `${randomUUID()}@test`,
      })) as never,
    )
    .returning('id')
    .execute();
  const interviewIds = interviews.map((r) => r.id);
  const panel = w.interviews.flatMap((iv, i) => iv.panel.map((m, position) => ({ organizationId, interviewId: interviewIds[i]!, memberId: memberIds[m]!, position })));
  if (panel.length > 0) await db.insertInto('interviewPanel').values(panel as never).execute();
  if (w.history.length > 0) {
    await db
      .insertInto('interviewHistory')
      .values(
        w.history.map((h) => ({
          organizationId,
          interviewId: interviewIds[h.interview % interviewIds.length]!,
          at: new Date(h.at),
          actor: h.actor,
          action: h.action,
          noticeClass: h.noticeClass,
          reason: h.reason,
          details: h.party === undefined ? null : JSON.stringify({ party: h.party, minutes: 7 }),
        })) as never,
      )
      .execute();
  }
  if (w.freed.length > 0) {
    const slots = await db
      .insertInto('freedSlots')
      .values(
        w.freed.map((f) => ({
          organizationId,
          openingId: opening.id,
          panel: '[]',
          startAt: new Date(f.freedAt + 86_400_000),
          endAt: new Date(f.freedAt + 90_000_000),
          freedAt: new Date(f.freedAt),
          status: f.status,
          filledAt: f.status === 'filled' ? new Date(f.freedAt + f.minutesToFill * 60_000) : null,
        })) as never,
      )
      .returning('id')
      .execute();
    if (w.offers.length > 0) {
      const entry = await db
        .insertInto('waitlistEntries')
        .values({ organizationId, openingId: opening.id, candidateId: candidates[0]!.id, panel: '[]', durationMinutes: 45 } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      // At most one claimed offer per slot, as the database insists.
      const claimed = new Set<number>();
      await db
        .insertInto('waitlistOffers')
        .values(
          w.offers.map((o) => {
            const slot = o.slot % slots.length;
            const status = o.status === 'claimed' && claimed.has(slot) ? 'expired' : o.status;
            if (status === 'claimed') claimed.add(slot);
            return {
              organizationId, freedSlotId: slots[slot]!.id, entryId: entry.id, tokenHash: randomUUID(), status,
              offeredAt: new Date(o.offeredAt), expiresAt: new Date(o.offeredAt + 7_200_000),
            };
          }) as never,
        )
        .execute();
    }
  }
  return { organizationId, interviewIds, memberIds, memberNames };
}

// ---- The brute-force count, from the rows as generated ----

function localWeek(ms: number, zone: string): string {
  const date = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
  return date.subtract({ days: date.dayOfWeek - 1 }).toString();
}

function localHour(ms: number, zone: string): string {
  return String(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).hour).padStart(2, '0');
}

function expectedGroups(w: World, from: number, to: number, zone: string, groupBy: string): Map<string, number> {
  const groups = new Map<string, number>();
  for (const h of w.history) {
    if (h.action !== 'cancelled' || h.at < from || h.at >= to) continue;
    const start = w.interviews[h.interview % w.interviews.length]!.start;
    const key =
      groupBy === 'noticeClass' ? h.noticeClass
      : groupBy === 'reason' ? h.reason
      : groupBy === 'side' ? h.actor
      : groupBy === 'week' ? localWeek(h.at, zone)
      : start === null ? null : localHour(start, zone);
    groups.set(String(key), (groups.get(String(key)) ?? 0) + 1);
  }
  return groups;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function expectedSummary(w: World, seeded: Seeded, from: number, to: number) {
  const inWindow = w.history.filter((h) => h.at >= from && h.at < to);
  const interviewOf = (h: (typeof w.history)[number]) => h.interview % w.interviews.length;
  const distinct = (rows: typeof inWindow) => new Set(rows.map(interviewOf)).size;
  const heldOrMissed = distinct(inWindow.filter((h) => ['completed', 'ended_early', 'no_show'].includes(h.action)));
  const withTime = distinct(inWindow.filter((h) => ['scheduled', 'accepted', 'rescheduled'].includes(h.action)));
  const side = (name: 'candidate' | 'employer') => {
    const party = name === 'candidate' ? 'candidate' : 'interviewer';
    const mine = inWindow.filter((h) => h.actor === name);
    const cancelled = mine.filter((h) => h.action === 'cancelled');
    const byClass = (c: string | null) => cancelled.filter((h) => h.noticeClass === c).length;
    const noShows = distinct(inWindow.filter((h) => h.action === 'no_show' && (h.party ?? 'candidate') === party));
    const rescheduled = mine.filter((h) => h.action === 'rescheduled').length;
    return {
      scheduled: mine.filter((h) => h.action === 'scheduled' || h.action === 'accepted').length,
      cancelled: {
        ample: byClass('ample'), adequate: byClass('adequate'), late: byClass('late'), missed: byClass('missed'), none: byClass(null),
        total: cancelled.length,
      },
      lateCancelRate: cancelled.length === 0 ? null : (byClass('late') + byClass('missed')) / cancelled.length,
      rescheduled,
      newTimesRequested: mine.filter((h) => h.action === 'new_times_requested').length,
      reschedulesPerInterview: withTime === 0 ? null : rescheduled / withTime,
      noShows,
      noShowsExcused: name === 'candidate' ? inWindow.filter((h) => h.action === 'no_show_excused').length : 0,
      noShowRate: heldOrMissed === 0 ? null : noShows / heldOrMissed,
      lateMarks: inWindow.filter((h) => h.action === 'late' && h.party === party).length,
    };
  };
  const filled = w.freed.filter((f) => f.status === 'filled' && f.freedAt + f.minutesToFill * 60_000 >= from && f.freedAt + f.minutesToFill * 60_000 < to);
  const load = new Map<string, { memberId: string; name: string; scheduled: number; completed: number }>();
  for (const iv of w.interviews) {
    if (iv.start === null || iv.start < from || iv.start >= to) continue;
    if (!['scheduled', 'completed', 'ended_early'].includes(iv.status)) continue;
    for (const m of iv.panel) {
      const row = load.get(seeded.memberIds[m]!) ?? { memberId: seeded.memberIds[m]!, name: seeded.memberNames[m]!, scheduled: 0, completed: 0 };
      if (iv.status === 'scheduled') row.scheduled += 1;
      else row.completed += 1;
      load.set(row.memberId, row);
    }
  }
  return {
    candidate: side('candidate'),
    employer: side('employer'),
    heldOrMissed,
    withTime,
    backfill: {
      freed: w.freed.filter((f) => f.freedAt >= from && f.freedAt < to).length,
      offered: w.offers.length === 0 || w.freed.length === 0 ? 0 : w.offers.filter((o) => o.offeredAt >= from && o.offeredAt < to).length,
      filled: filled.length,
      medianMinutesToFill: median(filled.map((f) => f.minutesToFill)),
    },
    panel: {
      declines: inWindow.filter((h) => h.action === 'panel_declined').length,
      replacements: inWindow.filter((h) => h.action === 'panel_replaced').length,
      handedOver: inWindow.filter((h) => h.action === 'panel_handed_over').length,
    },
    interviewers: [...load.values()].sort((a, b) => b.scheduled + b.completed - (a.scheduled + a.completed) || (a.memberId < b.memberId ? -1 : 1)),
  };
}

describe.each(testEngines())('analytics against a brute-force count ($name)', (engine) => {
  let opened: OpenStore;
  let ctx: AppContext;
  beforeAll(async () => {
    opened = await engine.open();
    ctx = { store: opened.store, clock: () => new Date('2026-12-01T12:00:00Z'), config: DEFAULT_APP_CONFIG };
  });
  afterAll(async () => opened?.close());

  it('every cancellation grouping and every summary figure match, for any window and zone', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ world: w, from, minutes, toAt, zone }) => {
        const seeded = await seed(opened.store, w);
        // Often a window ends exactly on a recorded instant, which then falls outside it.
        const to = toAt !== null && toAt >= from && toAt - from <= 400 * 86_400_000 ? toAt : from + minutes * 60_000;
        const query = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), timezone: zone };
        for (const groupBy of CANCELLATION_GROUPINGS) {
          const report = await cancellationsReport(ctx, seeded.organizationId, { ...query, groupBy });
          const expected = expectedGroups(w, from, to, zone, groupBy);
          expect(new Map(report.groups.map((g) => [String(g.key), g.count])), groupBy).toEqual(expected);
          expect(report.total).toBe([...expected.values()].reduce((a, b) => a + b, 0));
          expect(report.groups.every((g) => g.count > 0)).toBe(true);
        }
        const summary = await summaryReport(ctx, seeded.organizationId, query);
        const expected = expectedSummary(w, seeded, from, to);
        const { medianMinutesToFill, ...backfill } = summary.backfill;
        const { medianMinutesToFill: expectedMedian, ...expectedBackfill } = expected.backfill;
        expect({ ...summary, backfill }).toMatchObject({ ...expected, backfill: expectedBackfill });
        if (expectedMedian === null) expect(medianMinutesToFill).toBeNull();
        else expect(medianMinutesToFill).toBeCloseTo(expectedMedian, 6);
      }),
      { numRuns: Number(process.env.ANALYTICS_RUNS ?? 60) },
    );
  }, 240_000);
});
