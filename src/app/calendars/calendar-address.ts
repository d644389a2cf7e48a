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
 * What the API shows of an address: scheme and host only. A feed's path is its secret (anyone with it
 * reads the calendar), so it is never shown back.
 *
 * @example
 * maskCalendarAddress('https://calendar.google.com/calendar/ical/x%40gmail.com/private-abc/basic.ics')
 * // 'https://calendar.google.com/…'
 */
export function maskCalendarAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/…`;
}
