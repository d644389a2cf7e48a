import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'wouter';
import { api, withQuery } from '../../api/client.ts';
import type { Interview } from '../../api/interview-types.ts';
import { dateInZone, formatDateTime } from '../../ui/format-time.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { mondayOf } from './week-dates.ts';

/**
 * Said when the week shown is empty: the next scheduled interview from now (with the same filter),
 * asked of the server, and a link to its week; or plainly that none is coming.
 */
export function EmptyWeek({ zone, only }: { zone: string; only: { memberId?: string | undefined; openingId?: string | undefined } }) {
  const [params] = useSearchParams();
  const next = useQuery({
    queryKey: ['interviews', 'next', only.memberId ?? '', only.openingId ?? ''],
    queryFn: async ({ signal }) => {
      const page = await api.get<{ interviews: Interview[] }>(
        withQuery('/api/v1/interviews', { status: 'scheduled', from: new Date().toISOString(), memberId: only.memberId, openingId: only.openingId, limit: 1 }),
        signal,
      );
      return page.interviews[0] ?? null;
    },
  });
  const start = next.data?.start ?? null;
  const weekOf = (iso: string) => {
    const copy = new URLSearchParams(params);
    copy.set('week', mondayOf(dateInZone(iso, zone)));
    return `/?${copy.toString()}`;
  };
  return (
    <div className="card stack empty-week">
      <p>No interviews this week.</p>
      <ProblemMessage error={next.error} />
      {next.data === null && <p className="muted">No scheduled interviews are coming up.</p>}
      {next.data && start && (
        <p>
          The next one is {next.data.title} with {next.data.candidate?.name ?? 'a candidate'} on {formatDateTime(start, zone)}.{' '}
          <Link href={weekOf(start)}>Show the week of the next interview</Link>
        </p>
      )}
    </div>
  );
}
