import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/index.ts';
import type { SecretBox } from '../store/secret-box.ts';

export type { Clock } from '../core/clock.ts';

/** Configuration read once at the edge (CLI or server start) and passed down. */
export interface AppConfig {
  /** Base URL people reach the service at; candidate links are built on it. */
  publicUrl: string;
  /**
   * The configured sender of every email (`LEEWAY_MAIL_FROM`, `LEEWAY_MAIL_FROM_NAME`). Messages are sent
   * as `"<organization name>" <address>`: every message today is on an organization's behalf, so `name`
   * is not shown.
   */
  mailFrom: { name: string; address: string };
  /**
   * The domain on the right of our Message-IDs (`<uuid@mailDomain>`) and calendar UIDs: a real domain of
   * ours, never a made-up one, so they are globally unique. Derived once at the edge with
   * {@link deriveMailDomain}.
   */
  mailDomain: string;
  /** How long a candidate link stays valid after its interview's process ends. */
  candidateLinkGraceDays: number;
  /**
   * Whether webhook and calendar URLs may point to loopback, private or link-local addresses
   * (`LEEWAY_ALLOW_PRIVATE_URLS=1`): off, so a customer's URL cannot reach the server's own network.
   */
  allowPrivateUrls: boolean;
  /** The least time between two background syncs of a member's calendar (`LEEWAY_CALENDAR_REFRESH_MINUTES`); 5 when unset. */
  calendarRefreshMinutes?: number;
  /** Where this server's SMTP listener for calendar replies is bound, once it listens (`leeway serve --smtp-port`); unset when it does not. */
  inboundSmtp?: { host: string; port: number };
}

/**
 * The domain Message-IDs and calendar UIDs are made on: the public URL's host, or, when that host is no
 * domain of ours (an IP address, `localhost` or a `*.localhost` name, a single-label name such as a
 * container's), the domain of the sender address. Lower case, without a trailing dot, internationalized
 * names in their ASCII (punycode) form, as header fields require.
 *
 * @throws {TypeError} when the public URL is not a URL or the sender address has no domain.
 *
 * @example
 * deriveMailDomain('https://jobs.acme.com', 'no-reply@mail.acme.com') // 'jobs.acme.com'
 * deriveMailDomain('http://localhost:3000', 'no-reply@acme.com')      // 'acme.com'
 */
export function deriveMailDomain(publicUrl: string, senderAddress: string): string {
  let host: string;
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    throw new TypeError(`The public URL is not a URL: ${JSON.stringify(publicUrl)}`);
  }
  const fromUrl = host.toLowerCase().replace(/\.$/, '');
  if (isDomainName(fromUrl)) return fromUrl;
  const at = senderAddress.lastIndexOf('@');
  const senderDomain = at < 0 ? '' : senderAddress.slice(at + 1).trim();
  if (senderDomain === '') {
    throw new TypeError(`The sender address has no domain: ${JSON.stringify(senderAddress)}`);
  }
  try {
    // The URL parser writes a host in lower-case ASCII (punycode), as a Message-ID must be.
    return new URL(`http://${senderDomain}`).hostname.replace(/\.$/, '');
  } catch {
    throw new TypeError(`The sender address has no valid domain: ${JSON.stringify(senderAddress)}`);
  }
}

/** A name in the DNS that is ours to use: not an IP literal, not loopback, not a bare single label. */
function isDomainName(host: string): boolean {
  if (host === '' || host.startsWith('[') || host.includes(':')) return false;
  if (/^\d+(\.\d+){3}$/.test(host)) return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  return host.includes('.');
}

const DEFAULT_PUBLIC_URL = 'http://localhost:3000';
const DEFAULT_MAIL_FROM = { name: 'Leeway', address: 'no-reply@leeway.localhost' };

export const DEFAULT_APP_CONFIG: AppConfig = {
  publicUrl: DEFAULT_PUBLIC_URL,
  mailFrom: DEFAULT_MAIL_FROM,
  mailDomain: deriveMailDomain(DEFAULT_PUBLIC_URL, DEFAULT_MAIL_FROM.address),
  candidateLinkGraceDays: 14,
  allowPrivateUrls: false,
};

export interface AppContext {
  store: Store;
  clock: Clock;
  config: AppConfig;
  /**
   * Seals secrets Leeway must use again (webhook signing secrets, calendar credentials and secret feed
   * addresses, the link tokens of emails waiting to be sent). Absent on a PostgreSQL server started
   * without `LEEWAY_SECRET_KEY`: storing a webhook or calendar secret is then refused with a clear error
   * rather than kept in clear, and waiting emails keep their links as plain JSON until they are settled.
   */
  secrets?: SecretBox;
  /**
   * Told each waitlist offer link as it is made: its token is stored only hashed and messages keep it
   * redacted, so this is the one place the demo can learn a link to show a newcomer.
   */
  onOfferLink?: (offer: { entryId: string; link: string; expiresAt: Date }) => void;
  /**
   * Where a use case reports what went wrong after its change was written and is made good later without
   * failing the request (the server writes each entry as a JSON line).
   */
  log?: (entry: { level: 'warn' | 'error'; event: string; [field: string]: unknown }) => void;
}
