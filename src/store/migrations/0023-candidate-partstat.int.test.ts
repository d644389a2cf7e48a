import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/types.ts';
import { testEngines } from '../testing/engines.ts';
import { storeForSuite } from '../testing/suite-store.ts';
import { down, up } from './0023-candidate-partstat.ts';

const START = new Date('2026-12-10T15:00:00Z');
const END = new Date('2026-12-10T16:00:00Z');

describe.each(testEngines())("migration 0023 (the candidate's answer kept with the interview) on $name", (engine) => {
  const suite = storeForSuite(engine);

  it('gives interviews already written the answer their history and calendar replies say', async () => {
    const { store } = suite().opened;
    const db = suite().db;
    const org = (await store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    const opening = await store.openings.create(org, { title: 'Engineer' });
    let n = 0;
    /** A booked interview whose time was set by the lines given, in order. */
    const written = async (lines: Array<[action: string, actor: Actor]>, status: 'scheduled' | 'invited' = 'scheduled') => {
      n += 1;
      const candidate = await store.candidates.create(org, { name: `Jordan ${n}`, email: `Jordan${n}@Example.com`, timezone: 'UTC' });
      const booked = status === 'scheduled';
      const interview = await store.interviews.create(
        org,
        { openingId: opening.id, candidateId: candidate.id, title: 'Round 1', durationMinutes: 60, panel: [], status, start: booked ? START : null, end: booked ? END : null, uid: `i${n}@test` },
        START,
      );
      for (const [action, actor] of lines) await store.interviews.appendHistory(org, interview.id, { at: START, actor, action });
      return { id: interview.id, email: candidate.email };
    };
    const byEmployer = await written([['scheduled', 'employer']]);
    const picked = await written([['invited', 'employer'], ['accepted', 'candidate']]);
    const fromWaitlist = await written([['accepted', 'candidate'], ['filled_from_waitlist', 'candidate']]);
    const movedByEmployer = await written([['accepted', 'candidate'], ['rescheduled', 'employer'], ['panel_declined', 'employer']]);
    const movedByCandidate = await written([['scheduled', 'employer'], ['rescheduled', 'candidate']]);
    const answeredInCalendar = await written([['scheduled', 'employer']]);
    const answeredEarlierTime = await written([['scheduled', 'employer']]);
    const invited = await written([['invited', 'employer']], 'invited');
    const answer = (forStart: Date, partstat: 'accepted' | 'tentative') => ({ partstat, repliedAt: START, dtstamp: START, sequence: 0, forStart });
    await store.inboundReplies.saveAnswer(org, answeredInCalendar.id, { email: answeredInCalendar.email, ...answer(START, 'tentative') });
    await store.inboundReplies.saveAnswer(org, answeredEarlierTime.id, { email: answeredEarlierTime.email, ...answer(new Date('2026-12-09T15:00:00Z'), 'accepted') });

    await down(db);
    await up(db);
    const { rows } = await sql<{ id: string; candidatePartstat: string }>`SELECT id, candidate_partstat FROM interviews WHERE organization_id = ${org}`.execute(db);
    const answers = new Map(rows.map((row) => [row.id, row.candidatePartstat]));
    expect(answers.get(byEmployer.id)).toBe('needs-action');
    expect(answers.get(picked.id)).toBe('accepted');
    expect(answers.get(fromWaitlist.id)).toBe('accepted');
    expect(answers.get(movedByEmployer.id)).toBe('needs-action');
    expect(answers.get(movedByCandidate.id)).toBe('accepted');
    expect(answers.get(answeredInCalendar.id)).toBe('tentative');
    expect(answers.get(answeredEarlierTime.id)).toBe('needs-action');
    expect(answers.get(invited.id)).toBe('needs-action');
    // Read back through the store as every use case reads it.
    expect((await store.interviews.get(org, picked.id))!.candidatePartstat).toBe('accepted');
    await expect(sql`UPDATE interviews SET candidate_partstat = 'declined' WHERE id = ${picked.id}`.execute(db)).rejects.toThrow();
  });
});
