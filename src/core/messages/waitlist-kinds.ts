/** Emails about waitlist offers of freed time; each kind has one renderer in `render-waitlist.ts`. */
export const WAITLIST_EMAIL_KINDS = ['waitlist_offer', 'waitlist_offer_withdrawn', 'waitlist_closed'] as const;
export type WaitlistEmailKind = (typeof WAITLIST_EMAIL_KINDS)[number];

export function isWaitlistEmailKind(kind: string): kind is WaitlistEmailKind {
  return (WAITLIST_EMAIL_KINDS as readonly string[]).includes(kind);
}
