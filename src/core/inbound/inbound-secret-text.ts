/** The prefix of an organization's inbound secret: tells a leaked string's kind at a glance. */
export const INBOUND_SECRET_PREFIX = 'lw_inbound';

const SECRET_PATTERN = /lw_inbound_[A-Za-z0-9_-]{16,}/g;

/** Text with every inbound secret replaced: what may be stored, e.g. a response kept for an idempotent replay. */
export function redactInboundSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, `${INBOUND_SECRET_PREFIX}_[redacted]`);
}
