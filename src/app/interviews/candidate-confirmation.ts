import type { HistoryEntry } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { candidatePhoneScript, resolveCandidateLink } from './candidate-link.ts';
import { loadParties } from './parties.ts';

/** The candidate's actions a page can confirm after the fact, and the history lines each one writes. */
const WRITES = {
  accept: ['accepted'],
  reschedule: ['rescheduled', 'new_times_requested', 'accepted'],
  cancel: ['cancelled'],
  decline: ['declined'],
  withdraw: ['withdrawn'],
  concern: ['concern_raised'],
} as const satisfies Record<string, readonly string[]>;

export type ConfirmableAction = keyof typeof WRITES;

export function isConfirmableAction(value: string): value is ConfirmableAction {
  return Object.hasOwn(WRITES, value);
}

export interface CandidateConfirmation {
  action: ConfirmableAction;
  /** The history line's action: for a reschedule, whether it moved, asked for times or picked one. */
  recorded: string;
  at: string;
  /** A late or missed cancellation, with a number to call: what to say on the phone. */
  phoneScript?: string[];
  /** For a concern: whether an email carried it to someone. */
  delivered?: boolean;
}

/**
 * What the candidate last did through their link, if it is the action asked about: read from the
 * interview's history, so a page shown after a form (post/redirect/get) confirms only what happened,
 * whatever its address says. Null when the last thing the candidate did was something else.
 */
export async function confirmCandidateAction(ctx: AppContext, token: string, action: ConfirmableAction): Promise<CandidateConfirmation | null> {
  const { interview } = await resolveCandidateLink(ctx, ctx.store, token);
  const history = await ctx.store.interviews.history(interview.organizationId, interview.id);
  const last: HistoryEntry | undefined = history.filter((entry) => entry.actor === 'candidate').at(-1);
  if (!last || !(WRITES[action] as readonly string[]).includes(last.action)) return null;
  const confirmation: CandidateConfirmation = { action, recorded: last.action, at: last.at.toISOString() };
  if (last.action === 'cancelled' && interview.start) {
    const script = candidatePhoneScript(await loadParties(ctx.store, interview), last.noticeClass, last.at, interview.start, last.reason);
    if (script) confirmation.phoneScript = script;
  }
  if (last.action === 'concern_raised') confirmation.delivered = last.messageId !== null;
  return confirmation;
}
