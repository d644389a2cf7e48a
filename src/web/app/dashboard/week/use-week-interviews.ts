import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { Interview, InterviewPage } from '../../api/interview-types.ts';

/** Every interview touching the window, all pages of it (a week rarely needs more than one). */
export function useWeekInterviews(from: Date, to: Date) {
  return useQuery({
    queryKey: ['interviews', 'window', from.toISOString(), to.toISOString()],
    queryFn: async ({ signal }) => {
      const all: Interview[] = [];
      let cursor: string | null = null;
      do {
        const page: InterviewPage = await api.get<InterviewPage>(
          withQuery('/api/v1/interviews', { from: from.toISOString(), to: to.toISOString(), limit: 200, cursor }),
          signal,
        );
        all.push(...page.interviews);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    refetchInterval: 30_000,
  });
}
