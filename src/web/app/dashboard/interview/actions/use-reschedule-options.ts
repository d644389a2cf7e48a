import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.ts';
import type { Interview, RescheduleOptions } from '../../../api/interview-types.ts';

/**
 * The panel's free times over two weeks, marked against the candidate's hours, and who a move tells: from
 * now, or from a given time (one an attendee proposed), the grid of options then starting exactly there.
 */
export function useRescheduleOptions(interview: Interview, from?: string) {
  return useQuery({
    queryKey: ['reschedule-options', interview.id, interview.sequence, from ?? null],
    queryFn: ({ signal }) => api.get<RescheduleOptions>(withQuery(`/api/v1/interviews/${interview.id}/reschedule-options`, { from }), signal),
    staleTime: 0,
  });
}
