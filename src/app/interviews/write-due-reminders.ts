import { decideReminder } from '../../core/reminders.ts';
import type { AppContext } from '../context.ts';
import { notifyChange } from '../notifications/notify-interview.ts';
import { candidateLinkUrl, issueCandidateToken } from './candidate-token.ts';
import { loadParties } from './parties.ts';
import { historyLineOf } from './record.ts';

/** Interviews looked at per transaction, unless told otherwise. */
export const REMINDER_BATCH = 25;

export interface DueRemindersResult {
  /** Interviews found with a reminder due (the batch is full when more may wait). */
  found: number;
  /** Reminders written to the outbox. */
  written: number;
}

/**
 * Writes the reminders that have fallen due, each from the interview as it is now (see `decideReminder`),
 * in one transaction for the batch: the reminder with a fresh link of the candidate's own, its history
 * line (said by Leeway, not a person), and the interview's reminder times marked settled up to now.
 * Interviews another process is reminding are skipped, so any number of processes may run this at once;
 * a process killed halfway leaves nothing written and the reminders still due.
 *
 * @example
 * const { found } = await writeDueReminders(ctx); // run again while found === the batch size
 */
export async function writeDueReminders(ctx: AppContext, options: { batchSize?: number } = {}): Promise<DueRemindersResult> {
  const batchSize = options.batchSize ?? REMINDER_BATCH;
  return ctx.store.transaction(async (store) => {
    const now = ctx.clock();
    const due = await store.interviews.lockDueForReminder(now, batchSize);
    const settled = new Map<string, string[]>();
    let written = 0;
    for (const { interview, remindedThrough } of due) {
      settled.set(interview.organizationId, [...(settled.get(interview.organizationId) ?? []), interview.id]);
      const parties = await loadParties(store, interview);
      const decision = decideReminder({ interview, hoursBefore: parties.organization.reminders, remindedThrough, now });
      if (!decision) continue;
      const link = candidateLinkUrl(ctx, await issueCandidateToken(ctx, store, interview));
      const messageIds = await notifyChange(ctx, store, parties, decision.change, { link, reminder: decision.reminder });
      await store.interviews.appendHistory(interview.organizationId, interview.id, { ...historyLineOf(decision.change, { messageIds }), actor: 'system' });
      written += 1;
    }
    for (const [organizationId, ids] of settled) await store.interviews.markReminded(organizationId, ids, now);
    return { found: due.length, written };
  });
}
