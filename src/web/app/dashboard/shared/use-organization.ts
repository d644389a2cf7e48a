import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { OrganizationSummary } from '../../api/interview-types.ts';

/** The signed-in organization: its zone is the one every dashboard time is stated in. */
export function useOrganization() {
  return useQuery({
    queryKey: ['organization'],
    queryFn: ({ signal }) => api.get<OrganizationSummary>('/api/v1/organization', signal),
    staleTime: 5 * 60_000,
  });
}
