import type { IncomingMessage } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import type { Context, HonoRequest, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServerEnv } from './env.ts';

/** Methods whose requests carry no body to read. */
export const WITHOUT_BODY: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads a request's body once, at most `maxBytes` of it, and keeps it where every later reader looks
 * (`c.req.arrayBuffer()`, `.text()`, `.json()`): the guards and the route's validator then share one copy.
 *
 * Over a socket the body is read straight from Node's request. Asking Hono for it instead builds a whole
 * web `Request` with a stream over the socket, and each later reader of another kind (text after bytes,
 * JSON after text) a `Response` of its own: about a twentieth of a booking's server time under load. In
 * process (`app.request()`, the tests) there is no Node request, and Hono's own body limit reads it.
 */
export function readBodyOnce(maxBytes: number, tooLarge: (c: Context<ServerEnv>) => Response): MiddlewareHandler<ServerEnv> {
  const viaRequest = bodyLimit({ maxSize: maxBytes, onError: (c) => tooLarge(c as Context<ServerEnv>) });
  return async (c, next) => {
    if (WITHOUT_BODY.has(c.req.method)) return next();
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    if (!incoming) return viaRequest(c, next);
    if (Number(incoming.headers['content-length']) > maxBytes) return tooLarge(c);
    const bytes = await readIncoming(incoming, maxBytes);
    if (bytes === null) return tooLarge(c);
    keepBody(c.req, bytes);
    return next();
  };
}

/** The whole body, or null once it passes `maxBytes` (the rest is then read and dropped). */
function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Settled once, and the listeners taken off then: a request always closes after its body ended, and
    // the error made for a close that came first would otherwise be built (stack and all) for every request.
    const settle = (): void => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        settle();
        incoming.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      settle();
      // A copy of its own: Node's small chunks share one pooled buffer, which must not be handed on whole.
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    };
    const onError = (error: Error): void => {
      settle();
      reject(error);
    };
    // A client that goes away mid-body ends the stream without 'end' (and, on some versions, without 'error').
    const onClose = (): void => {
      settle();
      reject(new Error('The client closed the connection before the whole body arrived.'));
    };
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onError);
    incoming.once('close', onClose);
  });
}

/**
 * The body as bytes, and as text and JSON when first asked, decoded as `Response` would (UTF-8, a leading
 * byte order mark dropped, invalid bytes replaced: the UTF-8 guard refuses those before anyone reads text).
 * A JSON body that does not parse rejects only for the reader who asks, as the validator expects.
 */
function keepBody(request: HonoRequest, bytes: Uint8Array): void {
  const cache = request.bodyCache as Record<string, unknown>;
  cache.arrayBuffer = Promise.resolve(bytes.buffer);
  let text: Promise<string> | undefined;
  let json: Promise<unknown> | undefined;
  const textOf = () => (text ??= Promise.resolve(new TextDecoder().decode(bytes)));
  Object.defineProperty(cache, 'text', { get: textOf, configurable: true, enumerable: false });
  Object.defineProperty(cache, 'json', { get: () => (json ??= textOf().then((body) => JSON.parse(body) as unknown)), configurable: true, enumerable: false });
}
