import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { ChangePage } from '../../api/interview-types.ts';

const POLL_MS = 10_000;

/** The organization's changes, newest first, polled every ten seconds; older pages on request. */
export function useChangesFeed() {
  return useInfiniteQuery({
    queryKey: ['changes'],
    queryFn: ({ pageParam, signal }) => api.get<ChangePage>(withQuery('/api/v1/changes', { limit: 50, cursor: pageParam }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: POLL_MS,
    // A recruiter watching another tab still wants the feed current when they come back.
    refetchIntervalInBackground: false,
  });
}
