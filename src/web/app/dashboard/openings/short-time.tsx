import { formatClock, formatDay } from '../../ui/format-time.ts';

/** "Thu 3 Dec, 10:00" for table cells whose zone is stated once in the header or just above. */
export function shortTime(iso: string, zone: string): string {
  return `${formatDay(iso, zone)}, ${formatClock(iso, zone)}`;
}

export function ShortTime({ iso, zone }: { iso: string; zone: string }) {
  return (
    <time dateTime={iso} className="nowrap">
      {shortTime(iso, zone)}
    </time>
  );
}
