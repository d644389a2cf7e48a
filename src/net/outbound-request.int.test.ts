import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutboundUrl, outboundRequest, OutboundResponseTooLarge, OutboundTimeout, OutboundUrlRefused } from './outbound-request.ts';
import type { Resolver } from './outbound-request.ts';

/**
 * The guarded outbound request against a real loopback HTTP server: what it refuses (private addresses,
 * before and at connect time), and the limits it keeps (deadline, size, no redirects).
 */

let server: Server;
let base = '';
let port = 0;
const hits: string[] = [];

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('fine'),
  '/echo': (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.writeHead(200).end(`${req.method} ${req.headers['x-test'] ?? ''} ${Buffer.concat(chunks).toString('utf8')}`));
  },
  '/slow': (_req, res) => {
    res.writeHead(200);
    res.write('partial');
    setTimeout(() => res.end('late'), 2_000).unref();
  },
  '/big': (_req, res) => res.writeHead(200).end(Buffer.alloc(200_000, 'x')),
  '/redirect': (_req, res) => res.writeHead(302, { location: '/ok' }).end(),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    (routes[req.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const open = { allowPrivateAddresses: true };
const strict = { allowPrivateAddresses: false };
const request = (path: string, over: Partial<Parameters<typeof outboundRequest>[1]> = {}) =>
  outboundRequest(`${base}${path}`, { method: 'GET', timeoutMs: 1_000, maxResponseBytes: 64 * 1024, policy: open, ...over });

describe('outboundRequest', () => {
  it('sends the method, headers and body, and returns the answer', async () => {
    const response = await request('/echo', { method: 'POST', headers: { 'x-test': 'yes' }, body: 'hello' });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('POST yes hello');
  });

  it('refuses loopback, private and link-local addresses before connecting unless allowed', async () => {
    const before = hits.length;
    for (const url of [`${base}/ok`, 'http://10.0.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/', 'http://[::1]/', 'http://[fe80::1]/', 'http://0.0.0.0/']) {
      await expect(outboundRequest(url, { method: 'GET', timeoutMs: 1_000, maxResponseBytes: 1024, policy: strict }), url).rejects.toMatchObject({ name: 'OutboundUrlRefused', reason: 'private' });
    }
    expect(hits.length).toBe(before);
  });

  it('refuses at connect time a name that resolves to loopback now (DNS rebinding)', async () => {
    let calls = 0;
    // The first answer (the check made when the URL was stored) is public; the next ones are loopback.
    const rebinding: Resolver = async () => {
      calls += 1;
      return [{ address: calls === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    };
    await expect(checkOutboundUrl(`http://rebind.test:${port}/ok`, strict, rebinding)).resolves.toBeInstanceOf(URL);
    const before = hits.length;
    const error = await outboundRequest(`http://rebind.test:${port}/ok`, { method: 'GET', timeoutMs: 1_000, maxResponseBytes: 1024, policy: strict, resolve: rebinding }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundUrlRefused);
    expect((error as OutboundUrlRefused).reason).toBe('private');
    expect(hits.length).toBe(before);
  });

  it('connects through a resolved name when private addresses are allowed', async () => {
    const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const response = await outboundRequest(`http://named.test:${port}/ok`, { method: 'GET', timeoutMs: 1_000, maxResponseBytes: 1024, policy: open, resolve: loopback });
    expect(response.body.toString()).toBe('fine');
  });

  it('gives up after the deadline', async () => {
    const started = Date.now();
    await expect(request('/slow', { timeoutMs: 300 })).rejects.toBeInstanceOf(OutboundTimeout);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('cuts off an answer larger than the cap', async () => {
    await expect(request('/big', { maxResponseBytes: 64 * 1024 })).rejects.toBeInstanceOf(OutboundResponseTooLarge);
    expect((await request('/big', { maxResponseBytes: 300_000 })).body.length).toBe(200_000);
  });

  it('does not follow redirects: the 3xx is the answer', async () => {
    const before = hits.length;
    const response = await request('/redirect');
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/ok');
    expect(hits.slice(before)).toEqual(['/redirect']);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await expect(checkOutboundUrl('file:///etc/passwd', open)).rejects.toMatchObject({ reason: 'scheme' });
    await expect(checkOutboundUrl(`http://user:pw@127.0.0.1:${port}/`, open)).rejects.toMatchObject({ reason: 'credentials' });
  });
});
