import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';

/** A half-open `[start, end)` range, so back-to-back interviews never count as overlapping. */
export function timeRange(start: Date, end: Date): RawBuilder<string> {
  return sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;
}

/** The parameters of {@link timeRange}, in the order its text takes them. */
export function timeRangeParameters(start: Date, end: Date): [string, string] {
  return [start.toISOString(), end.toISOString()];
}

export function toNumber(value: string | number | null): number | null {
  if (value === null) return null;
  return typeof value === 'number' ? value : Number(value);
}
