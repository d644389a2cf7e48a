import { describe, expect, it } from 'vitest';
import { AnswerWatch } from './answer-watch.ts';

describe('AnswerWatch', () => {
  it('has seen no answer until a query result passes through it', () => {
    expect(new AnswerWatch().answeredWithin(1_000)).toBe(false);
  });

  it('remembers the last answer for the time asked about', async () => {
    const watch = new AnswerWatch();
    await watch.transformResult({ queryId: { queryId: 'q' }, result: { rows: [] } });
    const now = Date.now();
    expect(watch.answeredWithin(1_000, now)).toBe(true);
    expect(watch.answeredWithin(1_000, now + 1_000)).toBe(false);
  });

  it('trusts no answer from before a lost or refused connection', async () => {
    const watch = new AnswerWatch();
    await watch.transformResult({ queryId: { queryId: 'q' }, result: { rows: [] } });
    watch.noteTrouble();
    expect(watch.answeredWithin(60_000)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await watch.transformResult({ queryId: { queryId: 'q' }, result: { rows: [] } });
    expect(watch.answeredWithin(60_000)).toBe(true);
  });
});
