import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, startTestServer } from './testing/test-server.ts';
import type { LoopbackListener, TestServer } from './testing/test-server.ts';

/**
 * Bodies read straight from the socket (`readBodyOnce`): what a client sends arrives whole, whatever its
 * framing; the limit holds with and without a length; and the guards and validator see the same body
 * they see in process.
 */
let server: TestServer;
let http: LoopbackListener;

beforeAll(async () => {
  server = await startTestServer();
  http = await listenOnLoopback(server);
});
afterAll(async () => {
  await http?.close();
  await server?.close();
});

/** A POST over a socket, the body written in `parts` (chunked when `length` is false). */
function post(path: string, parts: Array<string | Buffer>, options: { length?: boolean; type?: string } = {}): Promise<{ status: number; body: string }> {
  const total = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${server.apiKey}`, 'content-type': options.type ?? 'application/json' };
    if (options.length !== false) headers['content-length'] = total.length;
    const req = httpRequest({ host: '127.0.0.1', port: http.port, method: 'POST', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    for (const part of parts) req.write(part);
    req.end();
  });
}

const codeOf = (body: string) => (JSON.parse(body) as { code: string }).code;

describe('request bodies over a socket', () => {
  it('takes a body sent in pieces, with a length or chunked, multi-byte characters split between pieces', async () => {
    const title = 'Ingénieur·e plateforme — Zürich 🚀';
    const json = Buffer.from(JSON.stringify({ title }));
    const cut = json.indexOf(Buffer.from('🚀')) + 2;
    for (const length of [true, false]) {
      const created = await post('/api/v1/openings', [json.subarray(0, 5), json.subarray(5, cut), json.subarray(cut)], { length });
      expect(created.status, `length ${length}`).toBe(201);
      expect((JSON.parse(created.body) as { title: string }).title).toBe(title);
    }
  });

  it('drops a leading byte order mark, as a web Response would', async () => {
    const created = await post('/api/v1/openings', ['\uFEFF', JSON.stringify({ title: 'With a BOM' })]);
    expect(created.status).toBe(201);
  });

  it('refuses a body over 256 KiB with 413, whether its length is declared or not', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(300 * 1024) });
    for (const length of [true, false]) {
      const refused = await post('/api/v1/openings', [big.slice(0, 100_000), big.slice(100_000)], { length });
      expect(refused.status, `length ${length}`).toBe(413);
      expect(codeOf(refused.body)).toBe('PAYLOAD_TOO_LARGE');
    }
    // The connection's next request is served as usual.
    expect((await post('/api/v1/openings', [JSON.stringify({ title: 'After the big one' })])).status).toBe(201);
  });

  it('answers invalid UTF-8, NUL characters, malformed JSON and other types as in process', async () => {
    const invalid = await post('/api/v1/openings', [Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect([invalid.status, codeOf(invalid.body)]).toEqual([400, 'VALIDATION']);
    const nul = await post('/api/v1/openings', [JSON.stringify({ title: 'a\u0000b' })]);
    expect([nul.status, codeOf(nul.body)]).toEqual([400, 'VALIDATION']);
    const malformed = await post('/api/v1/openings', ['{"title": "no end']);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ detail: 'The request body is not valid JSON.' });
    const empty = await post('/api/v1/openings', []);
    expect([empty.status, JSON.parse(empty.body).detail]).toEqual([400, 'The request body is empty: send a JSON object.']);
    const inProcess = await server.app.request('/api/v1/openings', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: '{"title": "no end',
    });
    expect(malformed.body).toBe(await inProcess.text());
    const form = await post('/api/v1/openings', ['title=Form'], { type: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('lets a client leave halfway through its body, and serves the next one as usual', async () => {
    const titles = async () => {
      const listed = await server.app.request('/api/v1/openings?limit=100', { headers: { authorization: `Bearer ${server.apiKey}` } });
      return ((await listed.json()) as { openings: Array<{ title: string }> }).openings.map(({ title }) => title);
    };
    const before = await titles();
    await new Promise<void>((resolve, reject) => {
      const socket = connect(http.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/v1/openings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${server.apiKey}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"title": "half`,
          () => setTimeout(() => socket.destroy(), 50),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    expect((await post('/api/v1/openings', [JSON.stringify({ title: 'After one that left' })])).status).toBe(201);
    // The one that left wrote nothing; the next one did.
    expect(await titles()).toEqual([...before, 'After one that left']);
  });
});
