import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, DatabaseOutageWatch, isDatabaseUnavailable } from './database-errors.ts';

const withCode = (code: string, message = 'refused') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a server that is away, restarting, full or too slow', () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '57014', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDatabaseUnavailable(new DatabaseBusyError('200 queries already wait'))).toBe(true);
  });

  it('looks inside a cause and the errors of an AggregateError', () => {
    expect(isDatabaseUnavailable(new Error('Connection failed', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: undefined }))).toBe(true);
  });

  it('leaves the request\'s own mistakes and our bugs alone', () => {
    for (const code of ['23505', '23P01', '22P02', '42P01', '40001', '42703']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe('DatabaseOutageWatch', () => {
  it('tells the first failure of an outage and its end, and nothing in between', () => {
    const watch = new DatabaseOutageWatch();
    const lost = withCode('57P01');
    expect(watch.succeeded()).toBe(false);
    expect(watch.failed(lost)).toBe('outage-began');
    expect(watch.failed(lost)).toBe('outage-goes-on');
    expect(watch.failed(new Error('bug'))).toBe('not-an-outage');
    expect(watch.failed(withCode('ECONNREFUSED'))).toBe('outage-goes-on');
    expect(watch.succeeded()).toBe(true);
    expect(watch.succeeded()).toBe(false);
    expect(watch.failed(lost)).toBe('outage-began');
  });
});
