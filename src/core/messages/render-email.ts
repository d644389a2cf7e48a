import type { EmailKind, PlannedEmail } from './email-kinds.ts';
import type { MessageFacts, RenderedEmail } from './message-facts.ts';
import { CANDIDATE_RENDERERS } from './render-candidate.ts';
import { PANEL_RENDERERS } from './render-panel.ts';
import { STAFF_RENDERERS } from './render-staff.ts';
import { WAITLIST_RENDERERS } from './render-waitlist.ts';

const RENDERERS: Record<EmailKind, (facts: MessageFacts, email: PlannedEmail) => RenderedEmail> = {
  ...CANDIDATE_RENDERERS,
  ...PANEL_RENDERERS,
  ...STAFF_RENDERERS,
  ...WAITLIST_RENDERERS,
};

/**
 * The subject and text of one planned email, written only from the facts of the decision. A panelist's or
 * a colleague's email never carries the candidate's link.
 */
export function renderEmail(facts: MessageFacts, email: PlannedEmail): RenderedEmail {
  const scoped = email.audience === 'candidate' ? facts : { ...facts, link: null };
  return RENDERERS[email.kind](scoped, email);
}
