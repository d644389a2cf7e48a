/** Reason codes shared with the other side; free-text details stay private. */
export const CANDIDATE_REASONS = [
  'medical_emergency',
  'family_emergency',
  'employment_change',
  'accepted_offer',
  'schedule_conflict',
  'transportation',
  'not_a_fit',
  'other',
] as const;
export type CandidateReason = (typeof CANDIDATE_REASONS)[number];

export const EMPLOYER_REASONS = [
  'interviewer_unavailable',
  'position_filled',
  'position_closed',
  'scheduling_error',
  'other',
] as const;
export type EmployerReason = (typeof EMPLOYER_REASONS)[number];

export type ReasonCode = CandidateReason | EmployerReason;

/** Reasons that allow cancelling after the start instead of being recorded as a no-show. */
export const EMERGENCY_REASONS: readonly CandidateReason[] = ['medical_emergency', 'family_emergency'];

export function isEmergencyReason(reason: string): boolean {
  return (EMERGENCY_REASONS as readonly string[]).includes(reason);
}

/** A brief, shareable phrase for a reason category — never the private details behind it. */
export const REASON_PHRASES: Record<ReasonCode, string> = {
  medical_emergency: 'a medical emergency',
  family_emergency: 'a family emergency',
  employment_change: 'a change in my employment situation',
  accepted_offer: 'having accepted another offer',
  schedule_conflict: 'a scheduling conflict',
  transportation: 'a transportation problem',
  not_a_fit: 'the role no longer being the right fit for me',
  other: 'an unavoidable conflict',
  interviewer_unavailable: 'an interviewer becoming unavailable',
  position_filled: 'the position having been filled',
  position_closed: 'the position having been closed',
  scheduling_error: 'a scheduling error on our side',
};
