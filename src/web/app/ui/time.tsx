import { formatDateTime } from './format-time.ts';

/** A time with its zone, machine-readable for assistive tech and copy-paste. */
export function Time({ iso, zone }: { iso: string; zone: string }) {
  return <time dateTime={iso}>{formatDateTime(iso, zone)}</time>;
}
