import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CalendarSourceList } from '../../api/calendar-types.ts';

export const calendarSourcesKey = (memberId: string) => ['calendar-sources', memberId] as const;

/** A member's calendar sources; read again every few seconds while one waits for its first read. */
export function useCalendarSources(memberId: string) {
  return useQuery({
    queryKey: calendarSourcesKey(memberId),
    queryFn: ({ signal }) => api.get<CalendarSourceList>(`/api/v1/members/${encodeURIComponent(memberId)}/calendars`, signal),
    refetchInterval: (query) => (query.state.data?.calendars.some((c) => c.status === 'pending') ? 2_000 : false),
  });
}
