import { useQuery } from '@tanstack/react-query';
import type { Interview } from '../../api/interview-types.ts';
import { fetchAllPages } from '../shared/fetch-all-pages.ts';

/** Every interview touching the window, optionally one interviewer's or one opening's. */
export function useWeekInterviews(from: Date, to: Date, only: { memberId?: string | undefined; openingId?: string | undefined }) {
  return useQuery({
    queryKey: ['interviews', 'window', from.toISOString(), to.toISOString(), only.memberId ?? '', only.openingId ?? ''],
    queryFn: ({ signal }) =>
      fetchAllPages<Interview>('/api/v1/interviews', 'interviews', { from: from.toISOString(), to: to.toISOString(), memberId: only.memberId, openingId: only.openingId }, signal),
    refetchInterval: 30_000,
  });
}
