import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

/**
 * The key a `whsec_` secret stands for: the base64 after the prefix, decoded (Standard Webhooks).
 *
 * @throws {TypeError} when the text is not such a secret.
 */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new TypeError('A webhook secret starts with whsec_.');
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  if (key.length < 24 || key.length > 64) throw new TypeError('A webhook secret holds 24 to 64 bytes.');
  return key;
}

/** A secret in the form the API shows once: `whsec_` and the key in base64. */
export function formatSecret(key: Buffer): string {
  return `${PREFIX}${key.toString('base64')}`;
}

/**
 * One `v1,` signature: base64 HMAC-SHA256, keyed by the secret's bytes, over `id.timestamp.body`.
 *
 * @example
 * signDelivery('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')
 * // 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
 */
export function signDelivery(secret: string, webhookId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${webhookId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * The `webhook-signature` header: one signature per secret still in use, space-separated, so during a
 * rotation a receiver holding either the old or the new secret finds one it can verify.
 */
export function signatureHeader(secrets: readonly string[], webhookId: string, timestampSeconds: number, body: string): string {
  return secrets.map((secret) => signDelivery(secret, webhookId, timestampSeconds, body)).join(' ');
}

const SECRET_PATTERN = /whsec_[A-Za-z0-9+/]{16,}={0,2}/g;

/**
 * Replaces webhook secrets in text that is kept (a stored idempotent response): a secret is shown once,
 * and otherwise exists only sealed. A replayed creation answers `whsec_[redacted]`; rotate to get a new one.
 */
export function redactWebhookSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, 'whsec_[redacted]');
}
