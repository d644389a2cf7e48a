/** How long to wait before the next attempt, given the number of attempts made so far (1 after the first). */
export type OutboxBackoff = (attempts: number) => number;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Short first steps so a greylisting relay (which usually wants a few minutes) lets the message through
// quickly; longer ones after that, so an outage of the relay is ridden out without hammering it.
const STEPS_MS = [30_000, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR] as const;
const CEILING_MS = 8 * HOUR;

/**
 * The default, deterministic schedule: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, then doubling up to 8 h.
 * With the worker's default of 8 attempts a message is given up about 7¾ hours after the first try.
 *
 * @example
 * computeOutboxBackoff(1); // 30_000
 * computeOutboxBackoff(7); // 14_400_000 (4 h)
 */
export function computeOutboxBackoff(attempts: number): number {
  const index = Math.max(0, Math.floor(attempts) - 1);
  const step = STEPS_MS[index];
  if (step !== undefined) return step;
  const last = STEPS_MS[STEPS_MS.length - 1] ?? HOUR;
  return Math.min(CEILING_MS, last * 2 ** (index - STEPS_MS.length + 1));
}

export interface JitterOptions {
  /** Spread as a fraction of the delay: 0.2 gives a delay within ±20 %. Default 0.2. */
  ratio?: number;
  /** A source of numbers in [0, 1); tests pass a fixed one. Default `Math.random`. */
  random?: () => number;
}

/**
 * Wraps a backoff with random spread, so that messages deferred together (a relay outage) do not all come
 * back at the same instant once it recovers.
 *
 * @example
 * createOutboxWorker({ ..., backoff: withJitter(computeOutboxBackoff) });
 */
export function withJitter(backoff: OutboxBackoff, options: JitterOptions = {}): OutboxBackoff {
  const ratio = options.ratio ?? 0.2;
  const random = options.random ?? Math.random;
  return (attempts) => {
    const base = backoff(attempts);
    return Math.max(0, Math.round(base * (1 + ratio * (2 * random() - 1))));
  };
}
