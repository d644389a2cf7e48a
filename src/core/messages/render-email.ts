import type { EmailKind, PlannedEmail } from './email-kinds.ts';
import type { MessageFacts, RenderedEmail } from './message-facts.ts';
import { CANDIDATE_RENDERERS } from './render-candidate.ts';
import { PANEL_RENDERERS } from './render-panel.ts';
import { STAFF_RENDERERS } from './render-staff.ts';
import { isWaitlistEmailKind } from './waitlist-kinds.ts';
import type { WaitlistEmailKind } from './waitlist-kinds.ts';

// Waitlist emails have facts of their own (there may be no interview): `renderWaitlistEmail` in render-waitlist.ts.
const RENDERERS: Record<Exclude<EmailKind, WaitlistEmailKind>, (facts: MessageFacts, email: PlannedEmail) => RenderedEmail> = {
  ...CANDIDATE_RENDERERS,
  ...PANEL_RENDERERS,
  ...STAFF_RENDERERS,
};

/**
 * The subject and text of one planned email, written only from the facts of the decision. A panelist's or
 * a colleague's email never carries the candidate's link.
 */
export function renderEmail(facts: MessageFacts, email: PlannedEmail): RenderedEmail {
  if (isWaitlistEmailKind(email.kind)) throw new TypeError(`A ${email.kind} email is rendered from its waitlist decision (renderWaitlistEmail).`);
  const scoped = email.audience === 'candidate' ? facts : { ...facts, link: null };
  return RENDERERS[email.kind](scoped, email);
}
