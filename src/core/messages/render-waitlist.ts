import type { PlannedEmail } from './email-kinds.ts';
import type { MessageFacts, RenderedEmail } from './message-facts.ts';
import type { WaitlistEmailKind } from './waitlist-kinds.ts';

type Render = (facts: MessageFacts, email: PlannedEmail) => RenderedEmail;

export const WAITLIST_RENDERERS: Record<WaitlistEmailKind, Render> = {};
