/** The scheduling half of the outbox worker: when to run, never two runs at once. */
export interface PollLoop {
  /** Starts polling: a first run right away, then one `pollMs` after each run ends. Idempotent. */
  start(): void;
  /** Stops polling and resolves once the run in progress, if any, has finished. */
  stop(): Promise<void>;
  /** Asks for a run soon: now if idle, right after the current run otherwise. Ignored when stopped. */
  notify(): void;
}

export interface PollLoopOptions {
  /** One unit of work; `more: true` means there is likely more waiting, so run again without pausing. */
  run: () => Promise<{ more: boolean }>;
  pollMs: number;
  /** Called when a run rejects; the loop carries on at the normal pace. */
  onError: (error: unknown) => void;
}

/**
 * A setTimeout chain rather than setInterval: the next run is scheduled only when the previous one has
 * finished, so a slow run (a stalled relay) never piles up overlapping runs.
 */
export function createPollLoop(options: PollLoopOptions): PollLoop {
  let active = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> | undefined;
  // A notify() during a run: the messages it announces may have been committed after our claim.
  let wakeRequested = false;

  const schedule = (delayMs: number) => {
    timer = setTimeout(tick, delayMs);
  };

  const runSafely = async (): Promise<boolean> => {
    try {
      return (await options.run()).more;
    } catch (error) {
      options.onError(error);
      return false;
    }
  };

  function tick(): void {
    timer = undefined;
    wakeRequested = false;
    current = runSafely().then((more) => {
      current = undefined;
      if (active) schedule(more || wakeRequested ? 0 : options.pollMs);
    });
  }

  return {
    start() {
      if (active) return;
      active = true;
      // After a stop() whose run has not finished yet, that run's completion schedules the next one.
      if (current === undefined && timer === undefined) schedule(0);
    },
    notify() {
      if (!active) return;
      if (current !== undefined) {
        wakeRequested = true;
      } else if (timer !== undefined) {
        clearTimeout(timer);
        schedule(0);
      }
    },
    async stop() {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
