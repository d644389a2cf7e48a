/** Emails about waitlist offers of freed time; each kind has one renderer in `render-waitlist.ts`. */
export const WAITLIST_EMAIL_KINDS = [] as const;
export type WaitlistEmailKind = (typeof WAITLIST_EMAIL_KINDS)[number];
