import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { Interview, Message, MessagePage } from '../../api/interview-types.ts';

export const interviewKey = (id: string) => ['interview', id] as const;
export const messagesKey = (id: string) => ['messages', 'interview', id] as const;

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
    queryFn: async ({ signal }) => {
      const all: Message[] = [];
      let cursor: string | null = null;
      do {
        const page: MessagePage = await api.get<MessagePage>(withQuery('/api/v1/messages', { interviewId: id, limit: 200, cursor }), signal);
        all.push(...page.messages);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
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
      client.invalidateQueries({ queryKey: ['interviews'] }),
      client.invalidateQueries({ queryKey: ['changes'] }),
      client.invalidateQueries({ queryKey: ['messages'] }),
    ]);
  };
}
