import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../testing/engines.ts';
import { storeForSuite } from '../testing/suite-store.ts';
import { down, up } from './0018-reminders-written-when-due.ts';

const HOUR = 3_600_000;

describe.each(testEngines())('migration 0018 (reminders written when due) on $name', (engine) => {
  const suite = storeForSuite(engine);

  it('drops the reminders still queued and marks where each interview’s reminders start again', async () => {
    const { store } = suite().opened;
    const db = suite().db;
    const { id: organizationId } = await store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    const opening = await store.openings.create(organizationId, { title: 'Platform Engineer' });
    // The migration runs at the database's own now, so the times here are counted from the wall clock.
    const now = Date.now();
    const start = new Date(now + 10 * 24 * HOUR);
    const interview = async (name: string) => {
      const candidate = await store.candidates.create(organizationId, { name, email: `${name}-${randomUUID()}@example.test`, timezone: 'UTC' });
      const uid = `${randomUUID()}@acme.test`;
      return (await store.interviews.create(organizationId, { openingId: opening.id, candidateId: candidate.id, title: 'Onsite', durationMinutes: 60, panel: [], status: 'scheduled', start, end: new Date(start.getTime() + HOUR), uid }, new Date(now - 5 * 24 * HOUR))).id;
    };
    const [queued, halfSent, none, held] = [await interview('queued'), await interview('half'), await interview('none'), await interview('held')];
    await down(db);

    const reminder = async (interviewId: string, fields: { createdAt: number; dueAt: number; status?: string; lockedUntil?: number }) => {
      await sql`INSERT INTO outbox (organization_id, message_id, kind, interview_id, recipient, subject, payload, status, next_attempt_at, locked_until, created_at)
        VALUES (${organizationId}::uuid, ${`<${randomUUID()}@acme.test>`}, 'reminder', ${interviewId}::uuid, 'c@example.test', 'Reminder', '{}'::jsonb,
                ${fields.status ?? 'pending'}, ${new Date(fields.dueAt)}, ${fields.lockedUntil ? new Date(fields.lockedUntil) : null}, ${new Date(fields.createdAt)})`.execute(db);
    };
    const bookedAt = now - 24 * HOUR;
    // Both reminders still ahead.
    await reminder(queued, { createdAt: bookedAt, dueAt: start.getTime() - 48 * HOUR });
    await reminder(queued, { createdAt: bookedAt, dueAt: start.getTime() - 24 * HOUR });
    // One went out two hours ago, one is ahead.
    await reminder(halfSent, { createdAt: now - 3 * 24 * HOUR, dueAt: now - 2 * HOUR, status: 'sent' });
    await reminder(halfSent, { createdAt: now - 3 * 24 * HOUR, dueAt: start.getTime() - 24 * HOUR });
    // A worker is sending this one right now.
    await reminder(held, { createdAt: bookedAt, dueAt: now - 1000, lockedUntil: now + 60_000 });

    await up(db);
    const { rows } = await sql<{ id: string; remindedThrough: Date }>`SELECT id, reminded_through FROM interviews`.execute(db);
    const through = new Map(rows.map((row) => [row.id, new Date(row.remindedThrough).getTime()]));
    expect(through.get(queued)).toBe(bookedAt);
    expect(through.get(halfSent)).toBe(now - 2 * HOUR);
    for (const id of [none, held]) expect(Math.abs(through.get(id)! - now)).toBeLessThan(5 * 60_000);
    const left = await sql<{ interviewId: string; status: string }>`SELECT interview_id, status FROM outbox WHERE kind = 'reminder' ORDER BY interview_id`.execute(db);
    expect(left.rows.sort((a, b) => a.interviewId.localeCompare(b.interviewId))).toEqual(
      [
        { interviewId: halfSent, status: 'sent' },
        { interviewId: held, status: 'pending' },
      ].sort((a, b) => a.interviewId.localeCompare(b.interviewId)),
    );
    // Every interview has its mark; a row written by hand gets the database's now.
    const { rows: columns } = await sql<{ nullable: string; fallback: string | null }>`
      SELECT is_nullable AS nullable, column_default AS fallback FROM information_schema.columns WHERE table_name = 'interviews' AND column_name = 'reminded_through'`.execute(db);
    expect(columns[0]).toEqual({ nullable: 'NO', fallback: 'now()' });
  });
});
