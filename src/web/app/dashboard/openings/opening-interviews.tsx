import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, withQuery } from '../../api/client.ts';
import type { InterviewPage } from '../../api/interview-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { StatusBadge } from '../shared/status-badge.tsx';
import { ShortTime } from './short-time.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';

const LIMIT = 200;

/** The opening's interviews and invitations, by start time (those without a time last). */
export function OpeningInterviews({ openingId, zone }: { openingId: string; zone: string }) {
  const interviews = useQuery({
    queryKey: ['interviews', { openingId }],
    queryFn: ({ signal }) => api.get<InterviewPage>(withQuery('/api/v1/interviews', { openingId, limit: LIMIT }), signal),
  });
  return (
    <section aria-labelledby="opening-interviews">
      <h2 id="opening-interviews">Interviews</h2>
      {interviews.isPending && <Loading what="the interviews" />}
      <ProblemMessage error={interviews.error} />
      {interviews.data && interviews.data.interviews.length === 0 && <p className="muted">No interviews yet.</p>}
      {interviews.data && interviews.data.interviews.length > 0 && (
        <ScrollTable label="Interviews of this opening">
          <table className="stacked-table">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Interview</th>
                <th scope="col">When ({zoneLabel(zone)} time)</th>
                <th scope="col">Status</th>
                <th scope="col">Panel</th>
              </tr>
            </thead>
            <tbody>
              {interviews.data.interviews.map((interview) => (
                <tr key={interview.id}>
                  <th scope="row">
                    <Link href={`/interviews/${interview.id}`}>{interview.candidate?.name ?? 'Candidate'}</Link>
                  </th>
                  <td data-label="Interview">{interview.title}</td>
                  <td data-label={`When (${zoneLabel(zone)} time)`}>{interview.start ? <ShortTime iso={interview.start} zone={zone} /> : <span className="muted">No time yet</span>}</td>
                  <td data-label="Status">
                    <StatusBadge status={interview.status} />
                  </td>
                  <td data-label="Panel">{interview.panelMembers?.map((m) => m.name).join(', ') ?? `${interview.panel.length} members`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {interviews.data?.nextCursor && <p className="muted">Showing the first {LIMIT}; the week view shows the rest by date.</p>}
    </section>
  );
}
