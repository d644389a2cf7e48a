import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ActionPreview } from '../../../api/interview-types.ts';

/**
 * Who an action would tell, asked of the server with the action's own body (nothing changes); only
 * once the body is complete.
 */
export function useActionPreview(interviewId: string, action: 'cancel' | 'no-show', body: object | null) {
  return useQuery({
    queryKey: ['preview', interviewId, action, body],
    queryFn: () => api.post<ActionPreview>(`/api/v1/interviews/${interviewId}/${action}/preview`, body),
    enabled: body !== null,
    staleTime: 0,
    retry: false,
  });
}
