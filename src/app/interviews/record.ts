import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import type { Interview } from '../../core/types.ts';
import type { NewHistoryEntry, Store } from '../../store/index.ts';

const HISTORY_ACTIONS: Record<InterviewChange['kind'], (change: InterviewChange) => string> = {
  invited: () => 'invited',
  booked: (change) => (change.by === 'candidate' ? 'accepted' : 'scheduled'),
  moved: () => 'rescheduled',
  times_requested: () => 'new_times_requested',
  cancelled: () => 'cancelled',
  declined: () => 'declined',
  withdrawn: () => 'withdrawn',
  no_show: () => 'no_show',
  completed: () => 'completed',
  ended_early: () => 'ended_early',
  concern: () => 'concern_raised',
  panel_replaced: () => 'panel_replaced',
  panel_declined: () => 'panel_declined',
  reminder_due: () => 'reminded',
};

type HistoryLineExtras = { privateNote?: string | null; messageIds?: string[]; details?: Record<string, unknown>; reason?: string | null };

/**
 * One history line from a decision: who did what, with which notice and reason (only one that was given),
 * and which messages went out.
 */
export function historyLineOf(change: InterviewChange, entry: HistoryLineExtras = {}): NewHistoryEntry {
  const details = { ...(entry.details ?? {}), ...(entry.messageIds && entry.messageIds.length > 1 ? { messageIds: entry.messageIds } : {}) };
  return {
    at: change.at,
    actor: change.by,
    action: HISTORY_ACTIONS[change.kind](change),
    noticeHours: change.notice?.hoursUntilStart ?? null,
    noticeClass: change.notice?.class ?? null,
    reason: entry.reason !== undefined ? entry.reason : change.reason,
    privateNote: entry.privateNote ?? null,
    messageId: entry.messageIds?.[0] ?? null,
    details: Object.keys(details).length > 0 ? details : null,
  };
}

/** Appends the history line of a decision (see {@link historyLineOf}). */
export async function recordChange(store: Store, interview: Interview, change: InterviewChange, entry: HistoryLineExtras = {}): Promise<void> {
  await store.interviews.appendHistory(interview.organizationId, interview.id, historyLineOf(change, entry));
}
