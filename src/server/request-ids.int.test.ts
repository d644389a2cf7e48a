import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, startTestServer } from './testing/test-server.ts';
import type { LoopbackListener, TestServer } from './testing/test-server.ts';

/**
 * Every answer carries the request's id, over a real socket through the Node adapter: the header is
 * added to responses already made (JSON, problems, pages, 413s) without copying them.
 */
let server: TestServer;
let http: LoopbackListener;
let base: string;

beforeAll(async () => {
  server = await startTestServer();
  http = await listenOnLoopback(server);
  base = http.base;
});
afterAll(async () => {
  await http?.close();
  await server?.close();
});

const auth = () => ({ authorization: `Bearer ${server.apiKey}` });

describe('request ids over a socket', () => {
  it('echoes the id a client sends, on JSON, problems and pages, with the body intact', async () => {
    const cases: Array<[string, RequestInit, number]> = [
      ['/healthz', {}, 200],
      ['/api/v1/openings', { headers: auth() }, 200],
      ['/api/v1/openings/not-an-id', { headers: auth() }, 400],
      ['/api/v1/nothing-here', { headers: auth() }, 404],
      ['/api/v1/openings', {}, 401],
      ['/c/unknown-token', {}, 404],
    ];
    for (const [path, init, status] of cases) {
      const response = await fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-request-id': `id-${path}` } });
      expect(response.status, path).toBe(status);
      expect(response.headers.get('x-request-id'), path).toBe(`id-${path}`);
      const body = await response.text();
      expect(body.length, path).toBeGreaterThan(0);
      if (response.headers.get('content-type')?.includes('json')) expect(() => JSON.parse(body), path).not.toThrow();
    }
  });

  it('makes up an id when none is sent, a new one each time', async () => {
    const ids = await Promise.all([1, 2].map(async () => (await fetch(`${base}/healthz`)).headers.get('x-request-id')));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('still refuses bodies over the limit, with the id', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(300 * 1024) });
    const refused = await fetch(`${base}/api/v1/openings`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json', 'x-request-id': 'big' }, body: big });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('x-request-id')).toBe('big');
    expect(((await refused.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });
});
