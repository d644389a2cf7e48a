import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../core/types.ts';
import { testEngines } from '../../store/testing/engines.ts';
import { messagesAsSent } from '../../store/testing/messages-as-sent.ts';
import type { AppContext } from '../context.ts';
import { createOrganization } from '../organizations.ts';
import { hashSecret } from '../secrets.ts';
import { useOrganizationWithOpening } from '../testing/organization-with-opening.ts';
import { createInterview } from './create-interview.ts';
import { writeDueReminders } from './write-due-reminders.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']];
const ALWAYS: WorkingHours = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };

describe.each(testEngines())('reminders written when due, on $name', (engine) => {
  const acme = useOrganizationWithOpening(engine, NOW);
  /** Each test books from its own day on, so that what one leaves due is not another's. */
  let day = 0;
  const at = (when: Date): AppContext => ({ ...acme.ctx, clock: () => when });

  async function book(organizationId: string, openingId: string, start: Date, extra: { location?: string } = {}) {
    const { store } = acme.ctx;
    const member = await store.members.create(organizationId, { name: 'Grace', email: `grace-${randomUUID()}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS });
    const candidate = await store.candidates.create(organizationId, { name: 'Jordan', email: `jordan-${randomUUID()}@example.com`, timezone: 'Europe/Berlin' });
    const { interview } = await createInterview(acme.ctx, organizationId, { openingId, candidateId: candidate.id, title: 'Systems', durationMinutes: 60, panel: [member.id], start, ...extra });
    return interview;
  }
  const nextStart = () => new Date(Date.UTC(2026, 11, 10 + 3 * day++, 15));
  const reminders = async (organizationId: string, interviewId: string) =>
    (await messagesAsSent(acme.ctx, organizationId, { interviewId })).filter((message) => message.kind === 'reminder');

  it('writes each reminder once, when due, with a working link of its own and a history line said by Leeway', async () => {
    const start = nextStart();
    const interview = await book(acme.org, acme.openingId, start, { location: '1 Market St' });
    expect(await reminders(acme.org, interview.id)).toEqual([]);
    expect(await writeDueReminders(at(new Date(start.getTime() - 48 * HOUR - 1000)))).toMatchObject({ written: 0 });

    const due = new Date(start.getTime() - 48 * HOUR + 3000);
    expect(await writeDueReminders(at(due))).toEqual({ found: 1, written: 1 });
    expect(await writeDueReminders(at(new Date(due.getTime() + 60_000)))).toEqual({ found: 0, written: 0 });
    const [reminder] = await reminders(acme.org, interview.id);
    const text = (reminder!.payload as { email: { text: string } }).email.text;
    expect(reminder).toMatchObject({ recipient: expect.stringMatching(/^jordan-/), status: 'pending' });
    expect(text).toContain('Leave by 3:15 PM to arrive with time to spare.');
    const token = /\/c\/(lw_cand_[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(await acme.ctx.store.candidateTokens.findValid(hashSecret(token!), due)).not.toBeNull();
    const history = await acme.ctx.store.interviews.history(acme.org, interview.id);
    expect(history.at(-1)).toMatchObject({ action: 'reminded', actor: 'system', messageId: reminder!.messageId, at: due });

    expect(await writeDueReminders(at(new Date(start.getTime() - 24 * HOUR)))).toEqual({ found: 1, written: 1 });
    expect(await reminders(acme.org, interview.id)).toHaveLength(2);
  });

  it('follows the organization’s reminder hours as they are when due, and each organization’s own', async () => {
    const start = nextStart();
    const other = (await createOrganization(acme.ctx, { name: 'Globex', timezone: 'UTC' })).organization.id;
    const otherOpening = (await acme.ctx.store.openings.create(other, { title: 'Analyst' })).id;
    await acme.ctx.store.organizations.update(other, { reminders: [2] });
    const ours = await book(acme.org, acme.openingId, start);
    const theirs = await book(other, otherOpening, start);
    // Acme changes its hours after the booking: the reminders follow.
    await acme.ctx.store.organizations.update(acme.org, { reminders: [6] });
    try {
      expect(await writeDueReminders(at(new Date(start.getTime() - 24 * HOUR)))).toMatchObject({ written: 0 });
      expect(await writeDueReminders(at(new Date(start.getTime() - 6 * HOUR)))).toMatchObject({ written: 1 });
      expect(await reminders(acme.org, ours.id)).toHaveLength(1);
      expect(await writeDueReminders(at(new Date(start.getTime() - 2 * HOUR)))).toMatchObject({ written: 1 });
      expect(await reminders(other, theirs.id)).toHaveLength(1);
      expect(await reminders(acme.org, ours.id)).toHaveLength(1);
    } finally {
      await acme.ctx.store.organizations.update(acme.org, { reminders: [48, 24] });
    }
  });

  it('shares the work between runs at once and across batches: every reminder written once', async () => {
    const start = nextStart();
    const booked = [];
    for (let i = 0; i < 7; i += 1) booked.push(await book(acme.org, acme.openingId, new Date(start.getTime() + i * HOUR)));
    const when = at(new Date(start.getTime() - 24 * HOUR + 7 * HOUR));
    const runs = await Promise.all([writeDueReminders(when, { batchSize: 3 }), writeDueReminders(when, { batchSize: 3 })]);
    let written = runs.reduce((sum, run) => sum + run.written, 0);
    while (written < booked.length) {
      const run = await writeDueReminders(when, { batchSize: 3 });
      if (run.found === 0) break;
      written += run.written;
    }
    expect(written).toBe(booked.length);
    for (const interview of booked) expect(await reminders(acme.org, interview.id)).toHaveLength(1);
    expect(await writeDueReminders(when)).toEqual({ found: 0, written: 0 });
  });
});
