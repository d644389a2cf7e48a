import { useEffect, useRef, useState } from 'react';
import type { Change } from '../../api/interview-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useOrganization } from '../shared/use-organization.ts';
import { actionLabel } from '../shared/vocabulary.ts';
import { ChangeEntry } from './change-entry.tsx';
import { useChangesFeed } from './use-changes-feed.ts';

/** The live feed of every change to the organization's interviews, newest first. */
export default function ChangesPage() {
  useTitle('Changes');
  const organization = useOrganization();
  if (organization.isPending) return <Loading what="the organization" />;
  if (organization.error) return <ProblemMessage error={organization.error} />;
  return <ChangesFeed zone={organization.data.timezone} />;
}

/** Says what arrived since the last poll, once, politely. */
function announce(fresh: Change[]): string {
  if (fresh.length === 0) return '';
  const first = fresh[0]!;
  const lead = `${actionLabel(first.action)}: ${first.candidate.name}, ${first.opening.title}`;
  return fresh.length === 1 ? `1 new change. ${lead}.` : `${fresh.length} new changes. Newest: ${lead}.`;
}

function ChangesFeed({ zone }: { zone: string }) {
  const feed = useChangesFeed();
  const changes = feed.data?.pages.flatMap((page) => page.changes) ?? [];
  // "5 min ago" is reckoned from the last successful poll, so it stays current while nothing changes.
  const now = feed.dataUpdatedAt;
  // Entries seen on earlier polls; what the first load shows is not news.
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!feed.data) return;
    const all = feed.data.pages.flatMap((page) => page.changes);
    if (seen.current === null) {
      seen.current = new Set(all.map((c) => c.id));
      return;
    }
    const arrived = all.filter((c) => !seen.current!.has(c.id));
    for (const change of arrived) seen.current.add(change.id);
    if (arrived.length > 0) {
      setFresh(new Set(arrived.map((c) => c.id)));
      setAnnouncement(announce(arrived));
    }
  }, [feed.data]);

  return (
    <>
      <h1>Changes</h1>
      <p className="zone-note">
        Every change to your interviews as it happens, newest first; checked every 10 seconds. Times are in <strong>{zoneLabel(zone)} time</strong> ({zone}).
        Reasons are the categories given; private notes are never shown here.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {feed.isPending && <Loading what="the changes" />}
      {feed.error && <ProblemMessage error={feed.error} />}
      {feed.data && changes.length === 0 && <p className="card">No changes yet. Bookings, cancellations and reschedules will appear here as they happen.</p>}
      {changes.length > 0 && (
        <ol className="change-list" aria-label="Changes, newest first">
          {changes.map((change) => (
            <li key={change.id}>
              <ChangeEntry change={change} zone={zone} isNew={fresh.has(change.id)} now={now} />
            </li>
          ))}
        </ol>
      )}
      {feed.hasNextPage && (
        <button type="button" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? 'Loading older changes…' : 'Show older changes'}
        </button>
      )}
    </>
  );
}
