/** The mailbox's filters live in the address, so a link (e.g. after filling an opening) can open it filtered. */
export interface MailboxFilters {
  to?: string;
  kind?: string;
  interviewId?: string;
}

export function filtersOf(search: string): MailboxFilters {
  const params = new URLSearchParams(search);
  const read = (name: string) => params.get(name)?.trim() || undefined;
  const to = read('to');
  const kind = read('kind');
  const interviewId = read('interviewId');
  return { ...(to ? { to } : {}), ...(kind ? { kind } : {}), ...(interviewId ? { interviewId } : {}) };
}

/** "/mailbox?to=…&kind=…", relative to the dashboard. */
export function mailboxHref(filters: MailboxFilters): string {
  const params = new URLSearchParams();
  if (filters.to) params.set('to', filters.to);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.interviewId) params.set('interviewId', filters.interviewId);
  const text = params.toString();
  return text ? `/mailbox?${text}` : '/mailbox';
}

/** "position_filled" → "position filled": a message kind as read. */
export function kindName(kind: string): string {
  return kind.replace(/_/g, ' ');
}
