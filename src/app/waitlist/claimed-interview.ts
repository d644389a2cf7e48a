import type { InterviewStatus } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';

/**
 * Where the interview a claim booked stands now: a claimed offer's link is still opened after the
 * interview was moved on (cancelled, say, when the opening was filled), and must not keep saying "booked".
 * Null when the entry names no interview (nothing was claimed).
 */
export async function claimedInterviewStatus(store: Store, organizationId: string, interviewId: string | null): Promise<InterviewStatus | null> {
  if (!interviewId) return null;
  return (await store.interviews.get(organizationId, interviewId))?.status ?? null;
}
