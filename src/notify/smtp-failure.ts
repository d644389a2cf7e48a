import { InvalidEmailError } from './invalid-email-error.ts';

/**
 * Raised by an SMTP sender when a delivery fails. `permanent` tells the outbox what to do: give up (the
 * server refused the message for good) or retry later with backoff (it deferred the message, or we never
 * got an answer).
 */
export class SmtpDeliveryError extends Error {
  override readonly name = 'SmtpDeliveryError';
  readonly permanent: boolean;
  /** The SMTP reply code, e.g. 451 or 550, when the server answered. */
  readonly responseCode: number | undefined;
  /** The server's whole reply line, e.g. `550 5.1.1 No such user`. */
  readonly response: string | undefined;
  /** nodemailer's error code, e.g. `EENVELOPE`, `ETIMEDOUT`, `ESOCKET`. */
  readonly code: string | undefined;
  /** The SMTP command the server refused, e.g. `RCPT TO` or `DATA`. */
  readonly command: string | undefined;

  constructor(cause: unknown) {
    const fields = readFailureFields(cause);
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.permanent = classifyFailure(cause);
    this.responseCode = fields.responseCode;
    this.response = fields.response;
    this.code = fields.code;
    this.command = fields.command;
  }
}

/**
 * Whether retrying the same email can never succeed, so the outbox should stop and record the failure.
 * Permanent: an SMTP 5xx reply (RFC 5321 §4.2.1) except 503, and an email we refused to send
 * ({@link InvalidEmailError}). Everything else is transient: 4xx replies (greylisting, a full mailbox),
 * refused or dropped connections, timeouts, DNS and TLS trouble, and authentication failures — those are
 * the relay's configuration, not the message, and go through once the configuration is fixed. 503 (bad
 * sequence of commands) is a session problem, not a verdict on the message.
 *
 * @example
 * try { await sender.send(email) } catch (error) {
 *   if (isPermanentSmtpFailure(error)) markFailed(email); else retryLater(email);
 * }
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  if (error instanceof SmtpDeliveryError) return error.permanent;
  return classifyFailure(error);
}

const CONFIGURATION_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG', 'ETLS', 'EREQUIRETLS']);

function classifyFailure(error: unknown): boolean {
  if (error instanceof InvalidEmailError) return true;
  const { responseCode, code } = readFailureFields(error);
  if (code !== undefined && CONFIGURATION_CODES.has(code)) return false;
  if (responseCode !== undefined) return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  // nodemailer refusing an envelope itself (no recipients, an unusable address) before talking to a
  // server: the same email will be refused again.
  return code === 'EENVELOPE';
}

function readFailureFields(error: unknown): {
  responseCode: number | undefined;
  response: string | undefined;
  code: string | undefined;
  command: string | undefined;
} {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  return {
    responseCode: typeof record.responseCode === 'number' ? record.responseCode : undefined,
    response: typeof record.response === 'string' ? record.response : undefined,
    code: typeof record.code === 'string' ? record.code : undefined,
    command: typeof record.command === 'string' ? record.command : undefined,
  };
}
