import { describe, expect, it } from 'vitest';
import { Instant } from './common.ts';

const messages = (value: string) => {
  const result = Instant.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('Instant', () => {
  it('takes an ISO 8601 instant with its offset or Z', () => {
    expect(messages('2026-12-10T15:00:00Z')).toEqual([]);
    expect(messages('2026-12-10T16:00:00+01:00')).toEqual([]);
  });

  it('answers text that is no instant, or one without an offset, with one message that says what to send', () => {
    for (const value of ['yesterday', '2026-12-10T15:00:00', '2026-13-40T15:00:00Z']) {
      expect(messages(value), value).toEqual(['Use an ISO 8601 instant with its offset or Z, such as 2026-12-01T15:00:00Z.']);
    }
  });

  it('refuses an instant outside the years it can mean', () => {
    expect(messages('1990-01-01T00:00:00Z')).toEqual(['Instants must fall between the years 2000 and 2199.']);
  });
});
