/**
 * A wall-clock time typed in a zone ("2026-12-10T14:00" in America/New_York) as the instant it names.
 * The offset is read with Intl at the guessed instant and checked once more, so a time next to a clock
 * change lands on the right side of it. Times a clock change skips come out an hour later, as clocks do.
 */
function offsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function instantOfLocal(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - offsetMs(wall, zone);
  instant = wall - offsetMs(instant, zone);
  return new Date(instant).toISOString();
}
