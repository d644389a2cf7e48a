import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Interview, Message } from '../../api/interview-types.ts';
import { fetchAllPages } from '../shared/fetch-all-pages.ts';

export const interviewKey = (id: string) => ['interview', id] as const;
export const messagesKey = (id: string) => ['messages', 'interview', id] as const;
export const attendeesKey = (id: string) => ['attendees', id] as const;
export const repliesKey = (id: string) => ['inbound-replies', id] as const;

/** One interview with its history, people by name and seats. */
export function useInterview(id: string) {
  return useQuery({
    queryKey: interviewKey(id),
    queryFn: ({ signal }) => api.get<Interview>(`/api/v1/interviews/${encodeURIComponent(id)}`, signal),
  });
}

/** Every email about the interview, oldest first, all pages. */
export function useInterviewMessages(id: string) {
  return useQuery({
    queryKey: messagesKey(id),
    queryFn: ({ signal }) => fetchAllPages<Message>('/api/v1/messages', 'messages', { interviewId: id }, signal),
    // Without SMTP a message turns from pending to kept shortly after it is written.
    refetchInterval: (query) => (query.state.data?.some((m) => m.status === 'pending') ? 5_000 : false),
  });
}

/** After an action: this interview's page, and every list it appears in, read again from the server. */
export function useRefreshAfterAction(id: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.refetchQueries({ queryKey: interviewKey(id) }),
      client.refetchQueries({ queryKey: messagesKey(id) }),
      client.invalidateQueries({ queryKey: attendeesKey(id) }),
      client.invalidateQueries({ queryKey: repliesKey(id) }),
      client.invalidateQueries({ queryKey: ['interviews'] }),
      client.invalidateQueries({ queryKey: ['changes'] }),
      client.invalidateQueries({ queryKey: ['messages'] }),
    ]);
  };
}
