import { describe, expect, it } from 'vitest';
import { recordThroughOutage } from './record-through-outage.ts';

const shuttingDown = () => Object.assign(new Error('the database system is shutting down'), { code: '57P03' });

/** A clock that moves only when the retry waits. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    wait: (ms: number) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

describe('recordThroughOutage', () => {
  it('tries again while the database restarts, and records once it is back', async () => {
    const time = fakeTime();
    let calls = 0;
    await recordThroughOutage(
      () => {
        calls += 1;
        return calls <= 3 ? Promise.reject(shuttingDown()) : Promise.resolve();
      },
      { giveUpAtMs: 55_000, ...time },
    );
    expect(calls).toBe(4);
    expect(time.waits).toEqual([100, 250, 500]);
  });

  it('gives up before the deadline and says why', async () => {
    const time = fakeTime();
    await expect(recordThroughOutage(() => Promise.reject(shuttingDown()), { giveUpAtMs: 5_000, ...time })).rejects.toThrow('shutting down');
    expect(time.now()).toBeLessThan(5_000);
  });

  it('does not retry an error that is not about the database being away', async () => {
    const time = fakeTime();
    let calls = 0;
    const wrong = () => {
      calls += 1;
      return Promise.reject(new TypeError('bad payload'));
    };
    await expect(recordThroughOutage(wrong, { giveUpAtMs: 55_000, ...time })).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });
});
