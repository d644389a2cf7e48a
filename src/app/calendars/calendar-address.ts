import { createHash } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';
import { OutboundUrlRefused, checkOutboundUrl } from '../../net/outbound-request.ts';
import type { Resolver } from '../../net/outbound-request.ts';
import type { AppContext } from '../context.ts';

/**
 * The address as it will be fetched: Apple and Outlook publish feeds as `webcal://`, which is https
 * under another name. Refused (URL_NOT_ALLOWED) when it is not http(s), carries credentials, or points to
 * a private address on a server that does not allow them.
 */
export async function checkCalendarAddress(ctx: AppContext, raw: string, resolve?: Resolver): Promise<string> {
  const url = raw.trim().replace(/^webcals?:\/\//i, 'https://');
  try {
    return (await checkOutboundUrl(url, { allowPrivateAddresses: ctx.config.allowPrivateUrls }, resolve)).toString();
  } catch (error) {
    if (error instanceof OutboundUrlRefused) throw new DomainError('URL_NOT_ALLOWED', `This calendar address is not allowed: ${error.message}`);
    throw error;
  }
}

/**
 * What the API shows of an address: scheme, host and a fingerprint. A feed's path is its secret (anyone
 * with it reads the calendar), so it is never shown back; the fingerprint — four hex digits of the
 * SHA-256 of the whole address — tells a member's calendars on one host apart (`#3f9c` is the one added
 * last week) without revealing anything usable: 16 bits of a hash cannot be turned back into a path.
 *
 * @example
 * maskCalendarAddress('https://calendar.google.com/calendar/ical/x%40gmail.com/private-abc/basic.ics')
 * // 'https://calendar.google.com/… #3a72'
 */
export function maskCalendarAddress(url: string): string {
  const parsed = new URL(url);
  const fingerprint = createHash('sha256').update(url).digest('hex').slice(0, 4);
  return `${parsed.protocol}//${parsed.host}/${MASK} #${fingerprint}`;
}

/** What stands for the hidden part of a masked address. */
const MASK = '…';

/**
 * Whether an address given is one the API showed masked rather than a real one: sent back as it was
 * shown, it would replace the calendar with an address that leads nowhere.
 */
export function looksMasked(raw: string): boolean {
  return raw.includes(MASK) || /%E2%80%A6/i.test(raw);
}
