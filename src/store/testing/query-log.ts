import pg from 'pg';

export interface QueryLog {
  /** Runs `work` and returns the statements it sent to the database, in order. */
  during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  restore(): void;
}

/**
 * Records every statement sent through a `pg` client — the one driver both engines use (PGlite through its
 * adapter) — so a test can count a use case's round trips. One round trip per call of `Client.query`.
 */
export function recordQueries(): QueryLog {
  const original = pg.Client.prototype.query;
  let recording: string[] | null = null;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (recording) {
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text ?? '(unknown)';
      recording.push(text.replace(/\s+/g, ' ').trim());
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  return {
    async during(work) {
      recording = [];
      try {
        const result = await work();
        return { result, statements: recording };
      } finally {
        recording = null;
      }
    },
    restore() {
      pg.Client.prototype.query = original;
    },
  };
}
