/** What a candidate's page shows beyond the interview itself: its format, clock changes, the notice meter, what an action sends. */
export { describeDeliveries } from './describe-deliveries.ts';
export type { DeliveryGroup, DeliverySummary } from './describe-deliveries.ts';
export { interviewFormat } from './interview-format.ts';
export type { InterviewFormat } from './interview-format.ts';
export { describeNoticeScale } from './notice-scale.ts';
export type { NoticeBand, NoticeScale } from './notice-scale.ts';
export { findClockChanges, findZoneTransition } from './zone-transition.ts';
export type { ZoneTransition } from './zone-transition.ts';
export { candidateVocabulary } from './vocabulary.ts';
export type { CandidateVocabulary } from './vocabulary.ts';
