import { useInfiniteQuery } from '@tanstack/react-query';
import { useLocation, useSearch } from 'wouter';
import { api, withQuery } from '../../api/client.ts';
import type { MessagePage } from '../../api/interview-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { MessageList } from '../shared/message-viewer.tsx';
import { useOrganization } from '../shared/use-organization.ts';
import { MailboxFilterForm } from './mailbox-filter-form.tsx';
import { filtersOf, kindName, mailboxHref } from './mailbox-filters.ts';
import type { MailboxFilters } from './mailbox-filters.ts';

const PAGE = 50;

/** Every email the organization sent or will send, exactly as worded, oldest first. */
export default function MailboxPage() {
  useTitle('Mailbox');
  const organization = useOrganization();
  if (organization.isPending) return <Loading what="the organization" />;
  if (organization.error) return <ProblemMessage error={organization.error} />;
  return <Mailbox zone={organization.data.timezone} />;
}

function describeFilters(filters: MailboxFilters): string {
  const parts = [
    filters.to ? `to ${filters.to}` : '',
    filters.kind ? `of kind “${kindName(filters.kind)}”` : '',
    filters.interviewId ? 'about one interview' : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Showing only emails ${parts.join(', ')}.` : 'Showing every email.';
}

function Mailbox({ zone }: { zone: string }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = filtersOf(search);
  const messages = useInfiniteQuery({
    queryKey: ['messages', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<MessagePage>(withQuery('/api/v1/messages', { ...filters, limit: PAGE, cursor: pageParam }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const list = messages.data?.pages.flatMap((page) => page.messages) ?? [];
  const kinds = [...new Set(list.map((m) => m.kind))].sort();

  return (
    <>
      <h1>Mailbox</h1>
      <p className="zone-note">
        Every email Leeway sent or will send for you, exactly as worded and oldest first; candidate links are hidden. Times are in{' '}
        <strong>{zoneLabel(zone)} time</strong> ({zone}).
      </p>
      <MailboxFilterForm key={search} filters={filters} knownKinds={kinds} onApply={(next) => navigate(mailboxHref(next))} />
      <p role="status" aria-live="polite">
        {describeFilters(filters)}
        {messages.data && ` ${list.length} ${list.length === 1 ? 'email' : 'emails'} loaded${messages.hasNextPage ? ', more below' : ''}.`}
      </p>
      {messages.isPending && <Loading what="the emails" />}
      <ProblemMessage error={messages.error} />
      {messages.data && <MessageList messages={list} zone={zone} headingLevel={2} empty="No emails match." />}
      {messages.hasNextPage && (
        <p>
          <button type="button" onClick={() => void messages.fetchNextPage()} disabled={messages.isFetchingNextPage}>
            {messages.isFetchingNextPage ? 'Loading newer emails…' : `Show the next ${PAGE} emails`}
          </button>
        </p>
      )}
    </>
  );
}
