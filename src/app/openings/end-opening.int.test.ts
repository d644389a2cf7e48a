import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../core/types.ts';
import type { OpenStore } from '../../store/index.ts';
import { testEngines } from '../../store/testing/engines.ts';
import { DEFAULT_APP_CONFIG } from '../context.ts';
import type { AppContext } from '../context.ts';
import { createOrganization } from '../organizations.ts';
import { closeOpening, fillOpening, resumeOpeningEnds } from './end-opening.ts';

const T0 = new Date('2026-12-01T12:00:00Z');
const DAY: Array<[string, string]> = [['09:00', '17:00']];
const HOURS: WorkingHours = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] };

async function seed(ctx: AppContext, count: number) {
  const { store } = ctx;
  const { organization } = await createOrganization(ctx, { name: `Acme ${randomUUID().slice(0, 8)}`, timezone: 'America/New_York' });
  const org = organization.id;
  const panel = [];
  for (let i = 0; i < 3; i += 1) {
    panel.push((await store.members.create(org, { name: `P${i}`, email: `p${i}-${randomUUID()}@acme.test`, role: 'interviewer', timezone: 'America/New_York', workingHours: HOURS })).id);
  }
  const opening = await store.openings.create(org, { title: 'Platform Engineer' });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const candidate = await store.candidates.create(org, { name: `C ${i}`, email: `c${i}-${randomUUID()}@example.com`, timezone: 'Europe/Berlin' });
    const start = new Date(Date.UTC(2026, 11, 7, 0) + i * 3_600_000);
    const end = new Date(start.getTime() + 3_600_000);
    const interview = await store.interviews.create(
      org,
      { openingId: opening.id, candidateId: candidate.id, title: 'Onsite', durationMinutes: 60, panel, status: 'scheduled', start, end, uid: `${randomUUID()}@leeway.test` },
      T0,
    );
    await store.interviews.bookPanel(org, interview.id, panel, { start, end });
    ids.push(interview.id);
  }
  return { org, openingId: opening.id, ids };
}

describe.each(testEngines())('opening ends on $name', (engine) => {
  let opened: OpenStore;
  let ctx: AppContext;
  beforeAll(async () => {
    opened = await engine.open();
    ctx = { store: opened.store, clock: () => T0, config: DEFAULT_APP_CONFIG };
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('concurrent fills and a resume share the cascade: every interview cancelled once, four messages each, one answer', async () => {
    const { org, openingId, ids } = await seed(ctx, 25);
    const results = await Promise.all([
      fillOpening(ctx, org, openingId, { message: 'Thank you.' }, { batchSize: 4 }),
      fillOpening(ctx, org, openingId, {}, { batchSize: 3 }),
      resumeOpeningEnds(ctx, { batchSize: 5 }),
    ]);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ cancelledInterviews: 25, notifiedCandidates: 25, opening: { status: 'filled' } });
    for (const id of ids) {
      expect((await ctx.store.interviews.history(org, id)).filter((h) => h.action === 'cancelled')).toHaveLength(1);
      expect((await ctx.store.outbox.list(org, { interviewId: id })).filter((m) => m.kind !== 'reminder')).toHaveLength(4);
    }
    expect(await ctx.store.openingEnds.counts(org, openingId)).toMatchObject({ remaining: 0 });
    // Whichever fill ended the opening, its words (or none) are the ones every candidate read.
    const candidateMail = (await ctx.store.outbox.list(org, { kind: 'employer_cancellation', limit: 1000 })).filter((m) => ids.includes(m.interviewId ?? ''));
    expect(candidateMail).toHaveLength(25);
    expect(new Set(candidateMail.map((mail) => JSON.stringify(mail.payload).includes('Thank you.'))).size).toBe(1);
  });

  it('an opening with nothing left to cancel ends at once; ending it the other way is refused', async () => {
    const { org, openingId } = await seed(ctx, 0);
    const closed = await closeOpening(ctx, org, openingId, {});
    expect(closed).toMatchObject({ opening: { status: 'closed', endedAt: T0, hiredCandidateId: null }, cancelledInterviews: 0, notifiedCandidates: 0 });
    await expect(fillOpening(ctx, org, openingId, {})).rejects.toMatchObject({ code: 'OPENING_NOT_OPEN' });
    expect(await closeOpening(ctx, org, openingId, {})).toEqual(closed);
  });
});
