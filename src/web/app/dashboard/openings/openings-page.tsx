import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { api, withQuery } from '../../api/client.ts';
import type { OpeningPage } from '../../api/opening-types.ts';
import { formatDateTime } from '../../ui/format-time.ts';
import { FocusHeading } from '../../ui/focus-heading.tsx';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useOrganization } from '../shared/use-organization.ts';
import { calledOff, held, upcoming } from './activity.ts';
import { NewOpeningForm } from './new-opening-form.tsx';
import { OpeningStatusBadge } from './opening-status-badge.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';

const PAGE = 100;

/** Every opening with where it stands: its status and what is going on in it. */
export default function OpeningsPage() {
  useTitle('Openings');
  const [adding, setAdding] = useState(false);
  const [, navigate] = useLocation();
  const organization = useOrganization();
  const openings = useInfiniteQuery({
    queryKey: ['openings'],
    queryFn: ({ pageParam, signal }) => api.get<OpeningPage>(withQuery('/api/v1/openings', { limit: PAGE, cursor: pageParam }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const list = openings.data?.pages.flatMap((page) => page.openings) ?? [];
  const zone = organization.data?.timezone;

  return (
    <div>
      <div className="row page-heading">
        <h1>Openings</h1>
        {!adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Open a position
          </button>
        )}
      </div>
      <p className="lead">Each position, whether it is open, filled or closed, and its interviews and waitlist.</p>
      {adding && (
        <section className="card org-card" aria-labelledby="new-opening">
          <FocusHeading id="new-opening">Open a position</FocusHeading>
          <NewOpeningForm onCreated={(opening) => navigate(`/openings/${opening.id}`)} onCancel={() => setAdding(false)} />
        </section>
      )}
      {openings.isPending && <Loading what="openings" />}
      <ProblemMessage error={openings.error ?? organization.error} />
      {openings.data && list.length === 0 && <p className="card">No openings yet. Open a position to start interviewing.</p>}
      {list.length > 0 && (
        <ScrollTable label="Openings table">
          <table>
            <caption className="visually-hidden">Openings, in the order they were opened</caption>
            <thead>
              <tr>
                <th scope="col">Opening</th>
                <th scope="col">Status</th>
                <th scope="col">Upcoming interviews</th>
                <th scope="col">Held</th>
                <th scope="col">Called off</th>
                <th scope="col">Waitlist</th>
              </tr>
            </thead>
            <tbody>
              {list.map((opening) => (
                <tr key={opening.id}>
                  <th scope="row">
                    <Link href={`/openings/${opening.id}`}>{opening.title}</Link>
                    {(opening.department || opening.location) && (
                      <span className="muted small nowrap-line">{[opening.department, opening.location].filter(Boolean).join(' · ')}</span>
                    )}
                  </th>
                  <td>
                    <OpeningStatusBadge status={opening.status} />
                    {opening.endedAt && zone && <span className="muted small nowrap-line">{formatDateTime(opening.endedAt, zone)}</span>}
                  </td>
                  <td>{upcoming(opening.activity)}</td>
                  <td>{held(opening.activity)}</td>
                  <td>{calledOff(opening.activity)}</td>
                  <td>{opening.activity.waiting} waiting</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {openings.hasNextPage && (
        <button type="button" onClick={() => void openings.fetchNextPage()} disabled={openings.isFetchingNextPage}>
          {openings.isFetchingNextPage ? 'Loading…' : 'Show more openings'}
        </button>
      )}
    </div>
  );
}
