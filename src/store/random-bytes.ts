import { randomBytes, randomFillSync } from 'node:crypto';

/** Bytes drawn from the system's generator at once; small requests are served from them. */
const POOL_BYTES = 4096;
/** Larger requests go to the generator directly: they are rare, and would empty the pool at once. */
const LARGEST_FROM_POOL = 64;

const pool = Buffer.allocUnsafeSlow(POOL_BYTES);
let taken = POOL_BYTES;

/**
 * `size` cryptographically strong random bytes, as `crypto.randomBytes` gives, but served from a pool
 * the system's generator fills 4 KiB at a time. Each call to the generator costs several microseconds
 * whatever its size (the generator checks, among other things, whether the process has forked), and a
 * booking draws several times: its link tokens and the seals of its messages' links. Node's own
 * `randomUUID` keeps such a pool for the same reason. Bytes handed out are wiped from the pool, so no
 * later caller can read them, and every byte is handed out once.
 *
 * @example
 * const token = randomBytesFromPool(32).toString('base64url');
 */
export function randomBytesFromPool(size: number): Buffer {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`A number of random bytes is a whole number, not ${size}.`);
  if (size > LARGEST_FROM_POOL) return randomBytes(size);
  if (taken + size > POOL_BYTES) {
    randomFillSync(pool);
    taken = 0;
  }
  const bytes = Buffer.from(pool.subarray(taken, taken + size));
  pool.fill(0, taken, taken + size);
  taken += size;
  return bytes;
}
