import { useQueries, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { MemberPage } from '../../api/interview-types.ts';
import type { Candidate, CandidatePage } from '../../api/opening-types.ts';

/** The organization's members (the first 200), for naming panels and choosing them. */
export function useMembers() {
  return useQuery({
    queryKey: ['members', 'directory'],
    queryFn: ({ signal }) => api.get<MemberPage>(withQuery('/api/v1/members', { limit: 200 }), signal),
    staleTime: 60_000,
  });
}

/** The organization's candidates (the first 200), to choose from. */
export function useCandidates() {
  return useQuery({
    queryKey: ['candidates', 'directory'],
    queryFn: ({ signal }) => api.get<CandidatePage>(withQuery('/api/v1/candidates', { limit: 200 }), signal),
    staleTime: 60_000,
  });
}

/** Candidates by id, each asked for once and cached: names for waitlist entries, which carry only ids. */
export function useCandidatesById(ids: string[]): Map<string, Candidate> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['candidate', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Candidate>(`/api/v1/candidates/${id}`, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const found = new Map<string, Candidate>();
  results.forEach((result) => {
    if (result.data) found.set(result.data.id, result.data);
  });
  return found;
}
