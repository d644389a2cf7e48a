import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './address-policy.ts';

/**
 * Whether requests made on a customer's behalf may reach private addresses. Off in production; tests and
 * private deployments turn it on with `LEEWAY_ALLOW_PRIVATE_URLS=1` (read at the edge).
 */
export interface OutboundPolicy {
  allowPrivateAddresses: boolean;
}

export type UrlRefusal = 'scheme' | 'credentials' | 'unresolvable' | 'private';

/** A URL refused before or while connecting: the reason says which rule it broke. */
export class OutboundUrlRefused extends Error {
  override readonly name = 'OutboundUrlRefused';
  constructor(
    readonly reason: UrlRefusal,
    message: string,
  ) {
    super(message);
  }
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/**
 * Checks a URL a customer gave before it is stored: http or https, no user name or password inside it,
 * and a host whose every address is public (unless the policy allows private ones). Every address counts,
 * because a client may connect to any of them. The check is made again at every connection
 * ({@link outboundRequest}), since a name can resolve elsewhere later (DNS rebinding).
 *
 * @throws {OutboundUrlRefused} with the rule the URL breaks.
 */
export async function checkOutboundUrl(raw: string, policy: OutboundPolicy, resolve: Resolver = systemResolver): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundUrlRefused('scheme', 'This is not a URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OutboundUrlRefused('scheme', 'Only http and https URLs are allowed.');
  }
  if (url.username !== '' || url.password !== '') {
    throw new OutboundUrlRefused('credentials', 'Put the user name and password in their own fields, not in the URL.');
  }
  const addresses = await addressesOf(hostOf(url), resolve);
  refuseNonPublic(addresses, policy);
  return url;
}

/** The host as the resolver wants it: IPv6 literals lose their brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

async function addressesOf(host: string, resolve: Resolver): Promise<LookupAddress[]> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  try {
    const addresses = await resolve(host);
    if (addresses.length === 0) throw new Error('no addresses');
    return addresses;
  } catch {
    throw new OutboundUrlRefused('unresolvable', `The host ${host} could not be resolved.`);
  }
}

function refuseNonPublic(addresses: LookupAddress[], policy: OutboundPolicy): void {
  if (policy.allowPrivateAddresses) return;
  const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
  if (blocked) {
    throw new OutboundUrlRefused('private', 'The URL points to a private, loopback or link-local address.');
  }
}

/**
 * A `lookup` for node:http that resolves as usual and then refuses a non-public answer, so the address
 * connected to is the address checked: a name that resolved to a public address when it was stored and
 * to 127.0.0.1 now (DNS rebinding) fails here.
 */
function guardedLookup(policy: OutboundPolicy, resolve: Resolver): LookupFunction {
  return ((hostname: string, options: LookupOneOptions | LookupAllOptions, callback: (...args: unknown[]) => void) => {
    addressesOf(hostname, resolve)
      .then((addresses) => {
        refuseNonPublic(addresses, policy);
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) throw new OutboundUrlRefused('unresolvable', `The host ${hostname} has no usable address.`);
        if ((options as LookupAllOptions).all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((error: unknown) => callback(error));
  }) as LookupFunction;
}

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'REPORT' | 'PROPFIND';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, connecting included, must finish within this. */
  timeoutMs: number;
  /** A response longer than this is cut off with an error: a customer's server cannot exhaust memory. */
  maxResponseBytes: number;
  policy: OutboundPolicy;
  /** For tests of the rebinding guard; the system resolver otherwise. */
  resolve?: Resolver;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class OutboundTimeout extends Error {
  override readonly name = 'OutboundTimeout';
}

export class OutboundResponseTooLarge extends Error {
  override readonly name = 'OutboundResponseTooLarge';
}

/**
 * One HTTP exchange with a customer's server. Redirects are not followed (a 3xx is returned as it is:
 * following one would let a public URL send us to a private one), the address is checked at connect
 * time, the whole exchange has a deadline and the body a size limit.
 *
 * @throws {OutboundUrlRefused} when the URL or the address it resolves to is not allowed.
 * @throws {OutboundTimeout} after `timeoutMs`.
 * @throws {OutboundResponseTooLarge} when the body exceeds `maxResponseBytes`.
 */
export async function outboundRequest(raw: string, options: OutboundRequest): Promise<OutboundResponse> {
  const url = await checkOutboundUrl(raw, options.policy, options.resolve);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const lookup = guardedLookup(options.policy, options.resolve ?? systemResolver);
  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, response?: OutboundResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(response!);
    };
    const request = send(url, { method: options.method, headers: options.headers, lookup }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxResponseBytes) {
          request.destroy();
          finish(new OutboundResponseTooLarge(`The response is larger than ${options.maxResponseBytes} bytes.`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => finish(null, { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', (error) => finish(error));
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish(new OutboundTimeout(`No complete answer within ${options.timeoutMs} ms.`));
    }, options.timeoutMs);
    request.on('error', (error) => finish(error));
    request.end(options.body);
  });
}
