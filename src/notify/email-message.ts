/**
 * The email types live in the core (`src/core/outgoing-email.ts`), shared by the app layer that writes
 * messages and this folder that delivers them; re-exported here for the delivery code's own imports.
 */
export type { EmailAddress, EmailCalendar, OutgoingEmail } from '../core/outgoing-email.ts';
