import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Store } from '../src/store/index.ts';
import type { Database } from '../src/store/schema.ts';

export interface AnalyticsSeed {
  organizationId: string;
  interviews: number;
  historyRows: number;
  /** The instant the seeded year ends at; windows are taken before it. */
  end: Date;
}

/** The store's connection: the seed writes rows in bulk, as years of use would have left them. */
function rawDb(store: Store): Kysely<Database> {
  return (store as unknown as { executor: Kysely<Database> }).executor;
}

/**
 * One organization with `interviews` interviews over about 400 days (one every ~5.8 minutes, a panel of
 * two out of 20 interviewers, 20,000 candidates), each with the history its fate implies: invited and
 * scheduled; then cancelled by either side with every notice class, or completed, or missed by either
 * party, or still scheduled; some moved, some with lateness marks or panel changes. Plus freed slots and
 * offers, and a second organization with a tenth of the rows that no figure may include. Set-based SQL
 * (generate_series), so seeding takes seconds, not minutes.
 */
export async function seedAnalytics(store: Store, interviews = 100_000): Promise<AnalyticsSeed> {
  const db = rawDb(store);
  const end = new Date('2026-12-01T00:00:00Z');
  const spanMinutes = 400 * 24 * 60;
  const stepSeconds = Math.floor((spanMinutes * 60) / interviews);
  let organizationId = '';
  let historyRows = 0;
  for (const [name, count] of [['Noise Ltd', Math.floor(interviews / 10)], ['Analytics Inc', interviews]] as const) {
    const org = await sql<{ id: string }>`INSERT INTO organizations (name, timezone) VALUES (${name}, 'America/New_York') RETURNING id`.execute(db);
    const org_id = org.rows[0]!.id;
    organizationId = org_id;
    await sql`
      INSERT INTO members (organization_id, name, email, role, timezone, working_hours)
      SELECT ${org_id}, 'Interviewer ' || m, 'm' || m || '@bench.test', 'interviewer', 'UTC', '{}'::jsonb FROM generate_series(0, 19) m`.execute(db);
    await sql`INSERT INTO openings (organization_id, title) VALUES (${org_id}, 'Engineer')`.execute(db);
    const candidates = Math.min(20_000, count);
    await sql`
      INSERT INTO candidates (organization_id, name, email, timezone)
      SELECT ${org_id}, 'Candidate ' || c, 'c' || c || '@bench.test', 'UTC' FROM generate_series(0, ${candidates - 1}::int) c`.execute(db);
    // Interview g starts at start0 + g·step; its fate is g % 20. A candidate's interviews are 20,000 steps apart.
    await sql`
      WITH o AS (SELECT id FROM openings WHERE organization_id = ${org_id}),
           c AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM candidates WHERE organization_id = ${org_id})
      INSERT INTO interviews (organization_id, opening_id, candidate_id, title, duration_minutes, start_at, end_at, status, uid, created_at)
      SELECT ${org_id}, o.id, c.id, 'Interview ' || g, 45,
             ${end}::timestamptz - make_interval(mins => ${spanMinutes}::int) + make_interval(secs => g * ${stepSeconds}::int),
             ${end}::timestamptz - make_interval(mins => ${spanMinutes}::int) + make_interval(secs => g * ${stepSeconds}::int) + interval '45 minutes',
             CASE WHEN g % 20 < 6 THEN 'cancelled' WHEN g % 20 < 13 THEN 'completed' WHEN g % 20 < 15 THEN 'no_show'
                  WHEN g % 20 = 15 THEN 'ended_early' WHEN g % 20 = 16 THEN 'withdrawn' ELSE 'scheduled' END,
             ${org_id}::text || '-' || g || '@bench.test', now()
      FROM generate_series(0, ${count - 1}::int) g, o, c WHERE c.n = g % ${candidates}::int`.execute(db);
    await sql`
      WITH m AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM members WHERE organization_id = ${org_id}),
           i AS (SELECT id, row_number() OVER (ORDER BY start_at) - 1 AS g FROM interviews WHERE organization_id = ${org_id})
      INSERT INTO interview_panel (organization_id, interview_id, member_id, position)
      SELECT ${org_id}, i.id, m.id, CASE WHEN m.n = i.g % 20 THEN 0 ELSE 1 END
      FROM i JOIN m ON m.n = i.g % 20 OR m.n = (i.g + 7) % 20`.execute(db);
    const history = await sql`
      WITH i AS (SELECT id, start_at, row_number() OVER (ORDER BY start_at) - 1 AS g FROM interviews WHERE organization_id = ${org_id})
      INSERT INTO interview_history (organization_id, interview_id, at, actor, action, notice_hours, notice_class, reason, details)
      SELECT ${org_id}, i.id, e.at, e.actor, e.action, NULL, e.notice_class, e.reason, e.details
      FROM i CROSS JOIN LATERAL (VALUES
        (i.start_at - interval '9 days', 'employer', 'invited', NULL::text, NULL::text, NULL::jsonb, true),
        (i.start_at - interval '7 days', CASE WHEN i.g % 2 = 0 THEN 'candidate' ELSE 'employer' END,
           CASE WHEN i.g % 2 = 0 THEN 'accepted' ELSE 'scheduled' END, NULL, NULL, NULL, true),
        (i.start_at - interval '5 days', CASE WHEN i.g % 3 = 0 THEN 'candidate' ELSE 'employer' END, 'rescheduled', NULL, NULL, NULL, i.g % 5 = 0),
        (i.start_at - make_interval(hours => (ARRAY[72, 30, 6, 0])[1 + i.g % 4]),
           CASE WHEN i.g % 7 < 4 THEN 'candidate' ELSE 'employer' END, 'cancelled',
           (ARRAY['ample', 'adequate', 'late', 'missed'])[1 + i.g % 4],
           (ARRAY['schedule_conflict', 'illness', 'travel', 'position_filled'])[1 + (i.g / 4) % 4], NULL, i.g % 20 < 6),
        (i.start_at + interval '50 minutes', 'employer', 'completed', NULL, NULL, NULL, i.g % 20 BETWEEN 6 AND 12),
        (i.start_at + interval '15 minutes', 'employer', 'no_show', NULL, NULL,
           jsonb_build_object('party', CASE WHEN i.g % 20 = 13 THEN 'candidate' ELSE 'interviewer' END), i.g % 20 IN (13, 14)),
        (i.start_at + interval '20 minutes', 'employer', 'ended_early', NULL, NULL, NULL, i.g % 20 = 15),
        (i.start_at - interval '2 days', 'candidate', 'withdrawn', NULL, NULL, NULL, i.g % 20 = 16),
        (i.start_at + interval '10 minutes', 'employer', 'late', NULL, NULL,
           jsonb_build_object('party', CASE WHEN i.g % 2 = 0 THEN 'candidate' ELSE 'interviewer' END, 'minutes', 7), i.g % 20 IN (7, 8)),
        (i.start_at - interval '3 days', 'employer', 'panel_declined', NULL, NULL, NULL, i.g % 50 = 1),
        (i.start_at - interval '3 days' + interval '1 minute', 'system', 'panel_replaced', NULL, NULL, NULL, i.g % 50 = 1)
      ) AS e(at, actor, action, notice_class, reason, details, happened)
      WHERE e.happened`.execute(db);
    historyRows = Number(history.numAffectedRows ?? 0n);
    await sql`
      INSERT INTO freed_slots (organization_id, opening_id, panel, start_at, end_at, freed_at, status, filled_at)
      SELECT ${org_id}, o.id, '[]'::jsonb, i.start_at, i.end_at, i.start_at - interval '2 days',
             CASE WHEN i.rn % 3 = 0 THEN 'open' WHEN i.rn % 3 = 1 THEN 'filled' ELSE 'lapsed' END,
             CASE WHEN i.rn % 3 = 1 THEN i.start_at - interval '2 days' + make_interval(mins => (i.rn % 600)::int) END
      FROM (SELECT start_at, end_at, row_number() OVER (ORDER BY start_at) AS rn FROM interviews
            WHERE organization_id = ${org_id} AND status = 'cancelled') i, openings o
      WHERE o.organization_id = ${org_id}`.execute(db);
    await sql`
      INSERT INTO waitlist_entries (organization_id, opening_id, candidate_id, panel, duration_minutes)
      SELECT ${org_id}, o.id, c.id, '[]'::jsonb, 45 FROM openings o, (SELECT id FROM candidates WHERE organization_id = ${org_id} LIMIT 100) c
      WHERE o.organization_id = ${org_id}`.execute(db);
    await sql`
      INSERT INTO waitlist_offers (organization_id, freed_slot_id, entry_id, token_hash, status, offered_at, expires_at)
      SELECT ${org_id}, f.id, e.id, md5(f.id::text || e.id::text), CASE WHEN f.status = 'filled' THEN 'claimed' ELSE 'expired' END,
             f.freed_at + interval '1 minute', f.freed_at + interval '121 minutes'
      FROM freed_slots f
      CROSS JOIN LATERAL (SELECT id FROM waitlist_entries WHERE organization_id = ${org_id} ORDER BY id LIMIT 1) e
      WHERE f.organization_id = ${org_id}`.execute(db);
  }
  await sql`ANALYZE`.execute(db);
  return { organizationId, interviews, historyRows, end };
}

/** Removes migration 0004's index, to measure what it is worth (`ANALYTICS_BENCH_WITHOUT_INDEX=1`). */
export async function dropAnalyticsIndex(store: Store): Promise<void> {
  await sql`DROP INDEX interview_history_org_action_at`.execute(rawDb(store));
}
