import { planEmails } from '../../core/messages/index.ts';
import type { PlannedEmail } from '../../core/messages/index.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import type { InterviewParties } from '../interviews/parties.ts';
import { notifyChange, recipientsOf } from './notify-interview.ts';
import type { NotifyOptions } from './notify-interview.ts';

/**
 * Writes a change's emails to the outbox and returns them with their plan: the plan is the one the
 * outbox was written from, so what the candidate is told went out is what did.
 */
export async function announceChange(ctx: AppContext, store: Store, parties: InterviewParties, change: InterviewChange, options: NotifyOptions = {}): Promise<{ messageIds: string[]; planned: PlannedEmail[] }> {
  const messageIds = await notifyChange(ctx, store, parties, change, options);
  const planned = planEmails(change, recipientsOf(parties, ctx), { primary: options.primary ?? true });
  if (planned.length !== messageIds.length) throw new Error(`Planned ${planned.length} emails for interview ${parties.interview.id} but wrote ${messageIds.length}.`);
  return { messageIds, planned };
}
