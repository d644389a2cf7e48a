import { afterEach, describe, expect, it } from 'vitest';
import { createPollLoop } from './outbox-poll-loop.ts';
import type { PollLoop } from './outbox-poll-loop.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

let loop: PollLoop | undefined;
afterEach(async () => {
  await loop?.stop();
  loop = undefined;
});

describe('createPollLoop', () => {
  it('runs at once on start, then again after pollMs, never two runs at a time', async () => {
    let runs = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    loop = createPollLoop({
      pollMs: 20,
      onError: () => {},
      run: async () => {
        runs += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await sleep(10);
        inFlight -= 1;
        return { more: false };
      },
    });
    loop.start();
    loop.start();
    await until(() => runs >= 4);
    expect(maxInFlight).toBe(1);
  });

  it('runs again without pausing while there is more, and soon after notify()', async () => {
    let runs = 0;
    loop = createPollLoop({
      pollMs: 60_000,
      onError: () => {},
      run: async () => {
        runs += 1;
        return { more: runs < 3 };
      },
    });
    loop.start();
    await until(() => runs === 3);
    await sleep(20);
    expect(runs).toBe(3);
    loop.notify();
    await until(() => runs === 4);
  });

  it('reruns right after the current run when notified during it', async () => {
    const gate = deferred();
    let runs = 0;
    loop = createPollLoop({
      pollMs: 60_000,
      onError: () => {},
      run: async () => {
        runs += 1;
        if (runs === 1) await gate.promise;
        return { more: false };
      },
    });
    loop.start();
    await until(() => runs === 1);
    loop.notify();
    gate.resolve();
    await until(() => runs === 2);
  });

  it('stop() waits for the run in progress and prevents further runs', async () => {
    const gate = deferred();
    let runs = 0;
    let finished = false;
    loop = createPollLoop({
      pollMs: 1,
      onError: () => {},
      run: async () => {
        runs += 1;
        await gate.promise;
        finished = true;
        return { more: true };
      },
    });
    loop.start();
    await until(() => runs === 1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await sleep(10);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    await sleep(20);
    expect(runs).toBe(1);
    loop.notify();
    await sleep(20);
    expect(runs).toBe(1);
  });

  it('reports a failed run and keeps polling', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    loop = createPollLoop({
      pollMs: 5,
      onError: (error) => errors.push(error),
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('database unavailable');
        return { more: false };
      },
    });
    loop.start();
    await until(() => runs >= 2);
    expect(errors).toEqual([new Error('database unavailable')]);
  });
});
