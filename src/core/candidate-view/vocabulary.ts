import { CONCERN_CATEGORIES, concernLabel } from '../concerns.ts';
import { CANDIDATE_REASONS, REASONS } from '../reasons.ts';
import type { CandidateReason } from '../reasons.ts';
import type { ConcernCategory } from '../concerns.ts';

export interface CandidateVocabulary {
  /** The reasons a candidate may give, in the reasons table's order; `emergency` ones also cancel after the start. */
  reasons: Array<{ value: CandidateReason; label: string; emergency: boolean }>;
  concerns: Array<{ value: ConcernCategory; label: string }>;
}

/**
 * The words a candidate's page offers, from the one reasons table and the one concerns table, so a client
 * that cannot import the core lists exactly what the API accepts.
 */
export function candidateVocabulary(): CandidateVocabulary {
  return {
    reasons: CANDIDATE_REASONS.map((value) => ({ value, label: REASONS[value].label, emergency: REASONS[value].emergency })),
    concerns: CONCERN_CATEGORIES.map((value) => ({ value, label: concernLabel(value) })),
  };
}
