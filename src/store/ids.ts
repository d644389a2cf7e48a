import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids; anything else cannot name a record, so lookups answer "not found" without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The most milliseconds 48 bits hold (the year 10889). */
const LAST_MILLISECOND = 2 ** 48 - 1;

/**
 * A new id: a version 7 uuid (RFC 9562), the millisecond it was made in its first 48 bits and 74 random
 * bits after. Ids made later sort later, so a new row's key, and every index keyed by it (an interview's
 * id leads the keys of its panel, bookings, history, links and messages), lands at the right-hand edge of
 * its index instead of on a random page: the database appends to a page it already holds instead of
 * reading and dirtying one anywhere in the index, which matters more the larger the tables grow. The
 * database makes its own ids the same way (`leeway_new_id()`, migration 0020). The random bits are
 * Node's (`randomUUID`, from its pool of the system's generator), so an id is no easier to guess than
 * before; what it tells is when it was made.
 *
 * @example
 * newId(); // '019ad7e2-4c1b-7d3e-9f0a-…'
 */
export function newId(at: number = Date.now()): string {
  if (!Number.isInteger(at) || at < 0 || at > LAST_MILLISECOND) throw new RangeError(`An id's time is a millisecond from 1970 to 10889, not ${at}.`);
  const time = at.toString(16).padStart(12, '0');
  // A version 4 uuid is random but for its version (the 15th character) and its variant: keep the
  // variant and the random bits after the version, and put the time and version 7 before them.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}
