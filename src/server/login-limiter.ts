/**
 * Failed sign-ins per email within a window: past the limit, further tries are refused (429) until the
 * window passes, which makes guessing a password slow. One instance per server process.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  isBlocked(key: string, now: Date): boolean {
    return this.recent(key, now).length >= this.maxFailures;
  }

  recordFailure(key: string, now: Date): void {
    const list = this.recent(key, now);
    list.push(now.getTime());
    this.failures.set(key, list);
    // Keep the map bounded under a flood of distinct keys.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: Date): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now.getTime() - at < this.windowMs);
  }
}
