import type { HistoryEntry } from '../../api/interview-types.ts';

/** The Message-IDs of the emails a history line sent: the first one, and all of them when there were several. */
export function messageIdsOf(entry: HistoryEntry): string[] {
  const listed = entry.details?.messageIds;
  const ids = Array.isArray(listed) ? listed.filter((id): id is string => typeof id === 'string') : [];
  if (entry.messageId && !ids.includes(entry.messageId)) ids.unshift(entry.messageId);
  return ids;
}
