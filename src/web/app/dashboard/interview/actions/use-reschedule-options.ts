import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Interview, RescheduleOptions } from '../../../api/interview-types.ts';

/** The panel's free times over the next two weeks, marked against the candidate's hours, and who a move tells. */
export function useRescheduleOptions(interview: Interview) {
  return useQuery({
    queryKey: ['reschedule-options', interview.id, interview.sequence],
    queryFn: ({ signal }) => api.get<RescheduleOptions>(`/api/v1/interviews/${interview.id}/reschedule-options`, signal),
    staleTime: 0,
  });
}
