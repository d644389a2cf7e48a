/**
 * The etiquette engine: a composer for every message kind, a reviewer for drafts, and a screen for
 * interview questions. Pure: the clock comes in through `context.now`.
 */
export { composeMessage, EARLY_END_REASONS, reasonProblem, reasonsFor, sideOfKind } from './compose/compose-message.ts';
export { reviewDraft } from './review/review-draft.ts';
export { SEVERITY_DEDUCTIONS } from './review/score-findings.ts';
export { screenQuestions, screenQuestion } from './screen/screen-questions.ts';
export {
  COMPOSE_KINDS,
  FINDING_CODES,
  JURISDICTIONS,
  MESSAGE_ELEMENTS,
  PROTECTED_TOPICS,
  SEVERITIES,
  TONES,
  VERDICTS,
} from './types.ts';
export type {
  ComposeContext,
  ComposeKind,
  ComposeOptions,
  ComposeResult,
  ElementPresence,
  Finding,
  FindingCode,
  InstantInput,
  Jurisdiction,
  MessageElement,
  ProtectedTopic,
  QuestionVerdict,
  Referral,
  ReviewContext,
  ReviewInput,
  ReviewResult,
  ScreenOptions,
  ScreenResult,
  Severity,
  Tone,
  Verdict,
} from './types.ts';
