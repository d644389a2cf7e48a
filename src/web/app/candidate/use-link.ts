import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import type { CandidateTime, LinkView } from '../api/candidate-types.ts';

/** The token is the credential: it goes into paths as it is, encoded. */
export function linkPath(token: string, rest = ''): string {
  return `/api/v1/candidate/${encodeURIComponent(token)}${rest}`;
}

export const linkKey = (token: string) => ['candidate-link', token] as const;

/** What the link leads to now: an interview, or a waitlist offer. */
export function useLinkView(token: string) {
  return useQuery({ queryKey: linkKey(token), queryFn: ({ signal }) => api.get<LinkView>(linkPath(token), signal) });
}

/** Times the whole panel is free within the candidate's hours: spread out, or the nearest few. */
export function useFreeTimes(token: string, order: 'spread' | 'nearest', count: number) {
  return useQuery({
    queryKey: [...linkKey(token), 'times', order, count],
    queryFn: ({ signal }) => api.get<{ times: CandidateTime[] }>(linkPath(token, `/times?order=${order}&count=${count}`), signal),
    select: (data) => data.times,
  });
}

/** A random key without `crypto.randomUUID`, which plain-HTTP pages lack. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One submission of a candidate action: the same Idempotency-Key until it gets an answer, so a double
 * click or a retry after a dropped connection counts once. A refused submission (the server answered)
 * gets a fresh key, as the next attempt is a new one. Afterwards the view is read again, so the page
 * always shows the state the server holds.
 */
export function useLinkAction<TResult, TBody = unknown>(token: string, path: string, onDone?: (result: TResult, body: TBody) => void) {
  const client = useQueryClient();
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const mutation = useMutation<TResult, unknown, TBody>({
    mutationFn: (body) => {
      key.current ??= newKey();
      return api.post<TResult>(linkPath(token, path), body, key.current);
    },
    // Told before the view is read again: the form that sent it may close when the state changes, and
    // the confirmation must not wait for it (callbacks passed to mutate() would die with that form).
    onSuccess: async (result, body) => {
      key.current = null;
      onDone?.(result, body);
      // Everything read for this link is now stale, but only the view is read again at once: a draft or
      // a list of times for the action just done must not be asked for again (the server would refuse).
      await client.invalidateQueries({ queryKey: linkKey(token), refetchType: 'none' });
      await client.refetchQueries({ queryKey: linkKey(token), exact: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status !== 0) key.current = null;
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });
  // A second click before the first is answered sends nothing (the key would make it count once anyway).
  const submit = (body: TBody) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(body);
  };
  return { ...mutation, mutate: submit };
}
