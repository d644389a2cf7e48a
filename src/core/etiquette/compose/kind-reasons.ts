import { CANDIDATE_REASONS, EMPLOYER_REASONS, endsOpening, fitsMove, isReasonCode, isReasonOf, leavesProcess } from '../../reasons.ts';
import type { ReasonSide } from '../../reasons.ts';
import type { ComposeKind } from '../types.ts';

/** Reasons for ending an interview early, beside the candidate and employer reason codes. */
export const EARLY_END_REASONS = ['inappropriate_questions', 'disrespectful_conduct'] as const;
export type EarlyEndReason = (typeof EARLY_END_REASONS)[number];

/** Kinds whose message never states a reason: whatever reason the caller passes is ignored. */
const REASONLESS_KINDS: ReadonlySet<ComposeKind> = new Set<ComposeKind>(['candidate_keep_in_touch', 'no_show_followup', 'reminder']);

/**
 * Who writes a message of this kind, and so whose reasons it may give: `candidate_*` kinds are the
 * candidate's, every other kind the employer's. Derived once, here.
 *
 * @example
 * sideOfKind('position_filled') // 'employer'
 */
export function sideOfKind(kind: ComposeKind): ReasonSide {
  return kind.startsWith('candidate_') ? 'candidate' : 'employer';
}

function isEarlyEndReason(reason: string): reason is EarlyEndReason {
  return (EARLY_END_REASONS as readonly string[]).includes(reason);
}

/** Whether the message of this kind can truthfully carry the reason (on top of it being the sender's own). */
function fitsKind(kind: ComposeKind, reason: string): boolean {
  switch (kind) {
    case 'candidate_reschedule':
    case 'employer_reschedule':
      return fitsMove(reason);
    case 'position_filled':
      return endsOpening(reason);
    default:
      return true;
  }
}

/**
 * The reason codes a kind accepts, in the reasons table's order; empty for kinds that state no reason.
 *
 * @example
 * reasonsFor('employer_reschedule') // ['interviewer_unavailable', 'scheduling_error', 'other']
 */
export function reasonsFor(kind: ComposeKind): readonly string[] {
  if (REASONLESS_KINDS.has(kind)) return [];
  const own = sideOfKind(kind) === 'candidate' ? CANDIDATE_REASONS : EMPLOYER_REASONS;
  const fitting = own.filter((reason) => fitsKind(kind, reason));
  return kind === 'candidate_end_early_followup' ? [...EARLY_END_REASONS, ...fitting] : fitting;
}

/** Whether a kind states no reason, so a reason passed to it is ignored. */
export function isReasonless(kind: ComposeKind): boolean {
  return REASONLESS_KINDS.has(kind);
}

/** Whether a message of this kind needs a reason to be written at all (an early-end follow-up is its reason). */
export function needsReason(kind: ComposeKind): boolean {
  return kind === 'candidate_end_early_followup';
}

/**
 * Why a reason cannot go into a message of this kind, or `undefined` when it can. The composer and the
 * HTTP schema both ask here, so the API and the library refuse the same things with the same words.
 *
 * @example
 * reasonProblem('candidate_cancel', 'scheduling_error')
 * // 'context.reason "scheduling_error" is the employer's reason; a candidate_cancel message is the candidate's …'
 */
export function reasonProblem(kind: ComposeKind, reason: string | undefined): string | undefined {
  if (isReasonless(kind)) return undefined;
  if (reason === undefined) return needsReason(kind) ? `context.reason is required for ${kind}: the message is the reason.` : undefined;
  const side = sideOfKind(kind);
  const accepted = reasonsFor(kind);
  if (accepted.includes(reason)) return undefined;
  const list = accepted.join(', ');
  if (isEarlyEndReason(reason)) return `context.reason "${reason}" is a reason for ending an interview early, for candidate_end_early_followup only; ${kind} takes ${list}.`;
  if (!isReasonCode(reason)) return `context.reason "${reason}" is not a reason code; ${kind} takes ${list}.`;
  if (!isReasonOf(side, reason)) {
    const owner = side === 'candidate' ? "the employer's" : "a candidate's";
    return `context.reason "${reason}" is ${owner} reason; a ${kind} message is the ${side}'s, so it takes ${list}.`;
  }
  if (leavesProcess(reason)) return `context.reason "${reason}" leaves the process, so there is nothing to reschedule; use candidate_withdraw or candidate_decline.`;
  if (endsOpening(reason)) return `context.reason "${reason}" ends the opening, so there is nothing to reschedule; use position_filled or employer_cancel.`;
  return `context.reason "${reason}" does not fit ${kind}; it takes ${list}.`;
}
