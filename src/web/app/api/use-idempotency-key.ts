import { useRef } from 'react';
import { newIdempotencyKey } from './idempotency-key.ts';

/**
 * An Idempotency-Key per request body: sending the same body again (a double click, a retry after the
 * network dropped) reuses the key, so the server does it once; a changed body (a corrected form) gets a
 * new key, since the server refuses a key reused with another body.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const text = JSON.stringify(body ?? null);
    if (last.current?.body !== text) last.current = { body: text, key: newIdempotencyKey() };
    return last.current.key;
  };
}
