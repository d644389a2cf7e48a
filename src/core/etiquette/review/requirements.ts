import { endsOpening, leavesProcess } from '../../reasons.ts';
import type { ComposeKind, Severity } from '../types.ts';

export type RequiredElement = 'gratitude' | 'reason' | 'apology' | 'alternative';

export interface KindRules {
  /** Elements a message of this kind should contain, with the severity of leaving one out. */
  needs: Partial<Record<RequiredElement, Severity>>;
  /** Whether this message calls off or moves an interview, so notice (`call_instead`, `after_start`) matters. */
  noticeMatters: boolean;
}

/**
 * What each kind of message owes its reader. A decline or withdrawal ends the process, so it owes no
 * alternative; a reminder or a no-show check-in gives no reason of its own.
 */
export const KIND_RULES: Record<ComposeKind, KindRules> = {
  candidate_cancel: { needs: { gratitude: 'warn', reason: 'warn', apology: 'warn', alternative: 'warn' }, noticeMatters: true },
  candidate_reschedule: { needs: { gratitude: 'warn', reason: 'warn', apology: 'warn', alternative: 'warn' }, noticeMatters: true },
  candidate_decline: { needs: { gratitude: 'warn', reason: 'warn' }, noticeMatters: true },
  candidate_withdraw: { needs: { gratitude: 'warn', reason: 'warn' }, noticeMatters: true },
  candidate_end_early_followup: { needs: { gratitude: 'info', reason: 'warn' }, noticeMatters: false },
  candidate_keep_in_touch: { needs: { gratitude: 'warn' }, noticeMatters: false },
  employer_cancel: { needs: { gratitude: 'warn', reason: 'warn', apology: 'warn', alternative: 'warn' }, noticeMatters: true },
  employer_reschedule: { needs: { gratitude: 'warn', reason: 'warn', apology: 'warn', alternative: 'warn' }, noticeMatters: true },
  position_filled: { needs: { gratitude: 'warn', reason: 'warn', apology: 'info' }, noticeMatters: true },
  no_show_followup: { needs: { alternative: 'warn' }, noticeMatters: false },
  reminder: { needs: {}, noticeMatters: false },
};

/**
 * Whether proposing new times makes no sense after this reason: the writer is leaving the process, or the
 * position is gone (both from the reasons table in `core/reasons.ts`).
 */
export function owesNoAlternative(reason: string | undefined): boolean {
  return leavesProcess(reason) || endsOpening(reason);
}
/** The matching reason categories the reviewer can recognise in the text itself. */
export const NO_ALTERNATIVE_CATEGORIES = new Set(['offer', 'fit', 'closed']);
