import nodemailer from 'nodemailer';
import type { EmailAddress, OutgoingEmail } from '../core/outgoing-email.ts';
import { SENDS_AT_ONCE } from './outbox-worker.ts';
import { SmtpDeliveryError } from './smtp-failure.ts';
import { toMailOptions } from './to-mail-options.ts';

export { isPermanentSmtpFailure, SmtpDeliveryError } from './smtp-failure.ts';

export interface SmtpSenderOptions {
  /**
   * `smtp://user:pass@host:port` (STARTTLS when the server offers it) or `smtps://...` (TLS from the
   * start, usually port 465). Percent-encode `@`, `:` and `/` in the user and password. nodemailer's
   * query options work too, e.g. `?tls.rejectUnauthorized=false` for a test relay.
   */
  url: string;
  /** The mailbox the relay lets us send as; see `toMailOptions`. By default each email's own `from`. */
  from?: string | EmailAddress;
  /** Limit for connecting, for the greeting and for each silence on the socket. Default 30 s. */
  timeoutMs?: number;
}

export interface SmtpSendResult {
  /** Recipients the server took responsibility for. */
  accepted: string[];
  /**
   * Recipients the server refused while accepting the others; the send still resolves. (When every
   * recipient is refused, `send` rejects instead.)
   */
  rejected: string[];
  /** The server's final reply, e.g. `250 OK: queued as 12345`. */
  response: string;
}

export interface SmtpSender {
  /**
   * Delivers one email over a new connection.
   *
   * @throws {SmtpDeliveryError} when the server refuses it or cannot be reached; see `permanent`.
   * @throws {InvalidEmailError} when the email cannot be sent as it is (nothing is sent).
   */
  send(email: OutgoingEmail): Promise<SmtpSendResult>;
  /** Connects and logs in without sending, to fail fast at start-up on a bad SMTP_URL. */
  verify(): Promise<void>;
  /** Releases the transport; sends still in flight finish on their own connections. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** As many as the outbox worker sends at once. */
const POOLED_CONNECTIONS = SENDS_AT_ONCE;

/**
 * Creates a sender that delivers {@link OutgoingEmail}s to an SMTP relay with nodemailer.
 *
 * @example
 * const sender = createSmtpSender({ url: config.smtpUrl, from: 'Leeway <no-reply@leeway.example>' });
 * await sender.verify();
 * const { accepted } = await sender.send(email);
 */
export function createSmtpSender(options: SmtpSenderOptions): SmtpSender {
  checkSmtpUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const from = typeof options.from === 'string' ? parseMailbox(options.from) : options.from;
  const transport = nodemailer.createTransport({
    url: options.url,
    // A few connections kept open and reused: a new connection per message cost about 100 ms of
    // handshake on loopback, which capped delivery near 40 messages a second.
    pool: true,
    maxConnections: POOLED_CONNECTIONS,
    // The outbox decides about retries (with backoff and attempt counts) and must see each refusal as the
    // server gave it; the pool would otherwise quietly send again on another connection.
    maxRequeues: 0,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // nodemailer logs nothing by default; the outbox worker logs outcomes with the message id.
    logger: false,
  });

  return {
    async send(email) {
      const mail = toMailOptions(email, from ? { from } : {});
      try {
        const info = await transport.sendMail(mail);
        return {
          accepted: info.accepted.map(addressOf),
          rejected: info.rejected.map(addressOf),
          response: info.response,
        };
      } catch (error) {
        throw new SmtpDeliveryError(closedConnectionSaidPlainly(error));
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (error) {
        throw new SmtpDeliveryError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

/**
 * With `maxRequeues: 0` a message whose connection the server closed mid-transaction (as after a 421) fails
 * with the pool's "Reached maximum number of retries after connection was closed": no retry was made, so
 * it is said as what happened. It stays a transient failure, which the outbox tries again.
 */
function closedConnectionSaidPlainly(error: unknown): unknown {
  if (error instanceof Error && /after connection was closed/i.test(error.message)) {
    return Object.assign(new Error('The SMTP server closed the connection before taking the message.', { cause: error }), { code: 'ECONNECTION' });
  }
  return error;
}

function checkSmtpUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the URL: it carries the password.
    throw new TypeError('SMTP URL is not a valid URL');
  }
  if ((parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || parsed.hostname === '') {
    throw new TypeError(`SMTP URL must be smtp://host[:port] or smtps://host[:port], got protocol ${parsed.protocol}`);
  }
}

/** Reads `Name <address>` or a bare `address`. */
function parseMailbox(value: string): EmailAddress {
  const match = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>]+)>\s*$/.exec(value);
  if (match?.[2] !== undefined) {
    const name = match[1]?.trim();
    return name ? { name, address: match[2].trim() } : { address: match[2].trim() };
  }
  return { address: value.trim() };
}

function addressOf(recipient: string | { address: string }): string {
  return typeof recipient === 'string' ? recipient : recipient.address;
}
