import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors.ts';

const move = z.object({ start: z.string(), reason: z.enum(['schedule_conflict', 'other']).optional() }).strict();
const askForTimes = z.object({ requestNewTimes: z.literal(true), reason: z.enum(['schedule_conflict', 'other']).optional() }).strict();
const body = z.object({ change: z.union([move, askForTimes]) });

function errorsOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return fieldErrors(result.error.issues);
}

describe('fieldErrors', () => {
  it('names each field of a plain object', () => {
    expect(errorsOf(move, { start: 3, reason: 'lunch' }).map(({ path }) => path)).toEqual(['start', 'reason']);
    expect(errorsOf(move, 'text')).toEqual([{ path: '(body)', message: expect.any(String) }]);
  });

  it('answers a union with the errors of the form the body came closest to, at their full path', () => {
    const errors = errorsOf(body, { change: { start: '2026-12-10T15:00:00Z', reason: 'accepted_offer' } });
    expect(errors).toEqual([{ path: 'change.reason', message: expect.stringContaining('schedule_conflict') }]);
    expect(errorsOf(body, { change: { requestNewTimes: false } }).map(({ path }) => path)).toEqual(['change.requestNewTimes']);
  });

  it('names the whole union when two forms are equally near', () => {
    expect(errorsOf(body, { change: {} })).toEqual([{ path: 'change', message: expect.any(String) }]);
  });
});
