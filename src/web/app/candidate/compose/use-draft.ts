import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, request } from '../../api/client.ts';
import { isOfferView } from '../../api/candidate-types.ts';
import type { ComposedDraft, DraftAction, DraftReview, Referral } from '../../api/candidate-types.ts';
import { linkKey, linkPath, useLinkView } from '../use-link.ts';

export interface DraftChoices {
  action: DraftAction;
  reason: string | null;
  keepInTouch?: boolean;
  referral?: Referral | null;
}

/** The composer's draft for the choices made so far: written by the server from this interview's facts. */
export function useComposedDraft(token: string, choices: DraftChoices) {
  // Only while the action is still possible: once it is done (or no longer offered) there is nothing to
  // write, and the server would answer 409.
  const view = useLinkView(token);
  const possible = view.data !== undefined && !isOfferView(view.data) && view.data.actions.includes(choices.action);
  return useQuery({
    enabled: possible,
    queryKey: [...linkKey(token), 'compose', choices],
    queryFn: () =>
      api.post<ComposedDraft>(linkPath(token, '/compose'), {
        action: choices.action,
        reason: choices.reason,
        ...(choices.keepInTouch !== undefined ? { keepInTouch: choices.keepInTouch } : {}),
        ...(choices.referral ? { referral: choices.referral } : {}),
      }),
    staleTime: Infinity,
    retry: false,
  });
}

/** Quiet time after the last keystroke before asking for a review: one request per pause, not per key. */
const PAUSE_MS = 450;

/**
 * The reviewer's reading of the text as it is typed: asked after a pause, an older answer never
 * overwriting a newer one (the request before is aborted), the last review kept while the next is fetched.
 */
export function useDraftReview(token: string, choices: DraftChoices, text: string, calledAhead: boolean) {
  const [review, setReview] = useState<{ review: DraftReview; text: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { action, reason } = choices;
  // Compared by value: a referral typed afresh each render must not restart the review.
  const referralName = choices.referral?.name ?? '';
  const referralEmail = choices.referral?.email ?? '';

  useEffect(() => {
    if (text.trim() === '') {
      setReview(null);
      setChecking(false);
      return;
    }
    const controller = new AbortController();
    setChecking(true);
    const timer = window.setTimeout(() => {
      request<DraftReview>('POST', linkPath(token, '/review'), {
        body: { action, text, reason, calledAhead, ...(referralName && referralEmail ? { referral: { name: referralName, email: referralEmail } } : {}) },
        signal: controller.signal,
      })
        .then((result) => {
          setReview({ review: result, text });
          setError(null);
          setChecking(false);
        })
        .catch((failure: unknown) => {
          if (controller.signal.aborted) return;
          setError(failure);
          setChecking(false);
        });
    }, PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [token, action, reason, referralName, referralEmail, text, calledAhead]);

  return { review: review?.review ?? null, reviewedText: review?.text ?? null, checking, error };
}
