import { decideCancellation } from '../../core/decisions/decide.ts';
import type { Interview } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { applyChange } from '../interviews/booking.ts';
import { decisionContext } from '../interviews/decision-context.ts';
import { loadParties } from '../interviews/parties.ts';
import { recordChange } from '../interviews/record.ts';
import { announceChange } from '../notifications/announce-change.ts';
import { cancelReminders } from '../notifications/notify-interview.ts';

/**
 * The candidate declined the event in their calendar: a candidate cancellation like the one through
 * their link (the same decision, classified at arrival, reason `other` since a calendar has no reason to
 * choose), in the caller's transaction with the interview locked. A COMMENT they added is passed on as
 * their words. Every email and the history line say it came from the calendar.
 */
export async function cancelFromCalendar(ctx: AppContext, store: Store, current: Interview, reply: { replyMessageId: string | null; words: string | null }): Promise<void> {
  const { replyMessageId } = reply;
  const now = ctx.clock();
  const organization = (await store.organizations.get(current.organizationId))!;
  const change = decideCancellation(current, { by: 'candidate', reason: 'other', words: reply.words, calledAhead: false }, decisionContext(organization, now));
  const interview = await applyChange(ctx, store, current, change);
  const parties = await loadParties(store, interview);
  await cancelReminders(store, parties, now);
  const { messageIds } = await announceChange(ctx, store, parties, change, { via: 'calendar' });
  await recordChange(store, interview, change, { messageIds, details: { via: 'calendar', ...(replyMessageId ? { replyMessageId } : {}) } });
}
