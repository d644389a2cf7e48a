import { createContext, useContext, useEffect } from 'react';
import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client.ts';

/** The dashboard's session as the server reports it (the cookie itself is HttpOnly). */
export interface Session {
  organizationId: string;
  organizationName?: string;
  user?: { email: string; name?: string | null };
  csrfToken: string;
  expiresAt: string;
}

const SessionContext = createContext<Session | null>(null);

/** Recovers the session from the cookie (after a reload the CSRF token is asked for again). */
export function useSessionQuery() {
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        return await api.get<Session>('/api/v1/session');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  useEffect(() => {
    if (query.data !== undefined) setCsrfToken(query.data?.csrfToken ?? null);
  }, [query.data]);
  return query;
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<Session>('/api/v1/session', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // The GET answer has the user's and organization's names too. The cached answer (signed out, when
      // the dashboard sent here) is dropped rather than marked stale: the dashboard would otherwise read
      // it before its refetch came back and send the recruiter to sign in again.
      client.removeQueries({ queryKey: ['session'] });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/v1/session'),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
    },
  });
}
