import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../errors.ts';
import type { InstantInput } from './types.ts';

/**
 * Reads an instant given as a `Date` or an ISO 8601 string *with* an offset. A string without one
 * would mean a different moment on every host, so it is refused.
 *
 * @example
 * parseInstant('2026-12-10T15:00:00Z', 'interviewStart').toISOString() // '2026-12-10T15:00:00.000Z'
 */
export function parseInstant(input: InstantInput, field: string): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new DomainError('VALIDATION', `${field} is not a valid date.`);
    return input;
  }
  if (typeof input !== 'string') throw new DomainError('VALIDATION', `${field} must be an ISO 8601 instant.`);
  try {
    return new Date(Temporal.Instant.from(input.trim()).epochMilliseconds);
  } catch {
    throw new DomainError('VALIDATION', `${field} must be an ISO 8601 instant with an offset, e.g. 2026-12-10T15:00:00Z (got "${input}").`);
  }
}
