import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.ts';
import type { Interview } from '../../../api/interview-types.ts';

export interface RescheduleOption {
  start: string;
  end: string;
  /** Whether the time falls within the candidate's reasonable hours; null when the server does not say. */
  withinCandidateHours: boolean | null;
}

const DAY_MS = 86_400_000;

/** Times the whole panel is free for the interview's length, over the next two weeks. */
export function useRescheduleOptions(interview: Interview) {
  return useQuery({
    queryKey: ['reschedule-options', interview.id, interview.sequence],
    queryFn: async ({ signal }) => {
      const from = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
      const to = new Date(from.getTime() + 14 * DAY_MS);
      const answer = await api.get<{ slots: Array<{ start: string; end: string }> }>(
        withQuery('/api/v1/slots', { members: interview.panel.join(','), durationMinutes: interview.durationMinutes, from: from.toISOString(), to: to.toISOString(), stepMinutes: 30 }),
        signal,
      );
      return answer.slots.filter((slot) => slot.start !== interview.start).map((slot): RescheduleOption => ({ ...slot, withinCandidateHours: null }));
    },
  });
}
