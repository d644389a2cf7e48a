import type { NoticeDecision } from '../../core/notice-policy.ts';
import type { Actor, Interview } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';

/** Appends one history line: who did what, with which notice and reason, and which messages went out. */
export async function recordAction(
  store: Store,
  interview: Interview,
  entry: {
    at: Date;
    actor: Actor;
    action: string;
    notice?: NoticeDecision | null;
    reason?: string | null;
    privateNote?: string | null;
    messageIds?: string[];
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const details = { ...(entry.details ?? {}), ...(entry.messageIds && entry.messageIds.length > 1 ? { messageIds: entry.messageIds } : {}) };
  await store.interviews.appendHistory(interview.organizationId, interview.id, {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    noticeHours: entry.notice?.hoursUntilStart ?? null,
    noticeClass: entry.notice?.class ?? null,
    reason: entry.reason ?? null,
    privateNote: entry.privateNote ?? null,
    messageId: entry.messageIds?.[0] ?? null,
    details: Object.keys(details).length > 0 ? details : null,
  });
}
