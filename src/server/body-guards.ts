import type { MiddlewareHandler } from 'hono';
import type { ServerEnv } from './env.ts';
import { problem, problemResponse } from './problem.ts';
import { INBOUND_EMAIL_PATH } from './public-paths.ts';
import { WITHOUT_BODY } from './read-body.ts';

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;.*)?$/i;
const RFC822_TYPE = /^message\/rfc822\s*(;.*)?$/i;

/**
 * A forwarded email is read as raw MIME, not as text of ours: its bytes may be in any charset (8-bit
 * parts) and are never stored as they are, so the UTF-8 and NUL guards leave it to the mail parser.
 */
function isRawEmail(path: string): boolean {
  return path === INBOUND_EMAIL_PATH;
}

function isForm(type: string | undefined): boolean {
  return (type ?? '').toLowerCase().includes('application/x-www-form-urlencoded');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The bytes a form body stands for once its `%XX` escapes are decoded (a stray `%` stays as it is). */
function percentDecodedBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 3;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      for (const byte of encoder.encode(char)) out.push(byte);
      i += char.length;
    }
  }
  return Uint8Array.from(out);
}

/**
 * Bodies must be UTF-8. Read leniently, invalid bytes would become U+FFFD and be stored as if the client
 * had sent them; so the raw body is decoded strictly, and a form's percent-escapes too, before anything
 * reads it.
 */
export function requireUtf8Bodies(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (WITHOUT_BODY.has(c.req.method) || isRawEmail(c.req.path)) return next();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const form = isForm(c.req.header('content-type'));
    if (!isUtf8(bytes) || (form && !isUtf8(percentDecodedBytes(utf8.decode(bytes))))) {
      return problemResponse(c, problem(400, 'VALIDATION', 'The request body is not valid UTF-8; send text as UTF-8.'));
    }
    return next();
  };
}

/**
 * PostgreSQL text cannot hold U+0000; no field of ours needs it. Refused at the door, whether in the
 * URL or the body, rather than as a database error deep inside a use case.
 */
export function refuseNulCharacters(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (isRawEmail(c.req.path)) return next();
    const body = WITHOUT_BODY.has(c.req.method) ? '' : await c.req.text();
    const form = isForm(c.req.header('content-type'));
    if (/%00/.test(c.req.url) || body.includes('\u0000') || /\\u0000/i.test(body) || (form && /%00/.test(body))) {
      return problemResponse(c, problem(400, 'VALIDATION', 'Text may not contain the NUL character (U+0000).'));
    }
    return next();
  };
}

/**
 * The API reads JSON only: a body sent as anything else would otherwise be ignored silently (and a PATCH
 * would "succeed" doing nothing), so it is refused with 415. The one exception is a forwarded email,
 * which is raw MIME (message/rfc822) and nothing else.
 */
export function requireJsonBodies(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (WITHOUT_BODY.has(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (isRawEmail(c.req.path)) {
      if (RFC822_TYPE.test(type)) return next();
      return problemResponse(c, problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the whole email as it was received, with Content-Type: message/rfc822.'));
    }
    if (JSON_TYPE.test(type)) return next();
    if ((await c.req.text()).trim() === '') return next();
    return problemResponse(c, problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send request bodies as JSON (Content-Type: application/json).'));
  };
}
