import type { SeriesBucket, SeriesPoint } from '../../api/analytics-types.ts';
import { reasonLabel } from '../shared/vocabulary.ts';
import type { ChartSeries } from './line-chart.tsx';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-30" → "30 Nov": a bucket's local start date, already in the report's zone. */
export function bucketLabel(start: string): string {
  const [, month, day] = start.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1] ?? ''}`;
}

export function bucketHeading(bucket: SeriesBucket): string {
  return bucket === 'day' ? 'Day' : 'Week starting';
}

export const count = (n: number) => String(Math.round(n));
export const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
export const RATE_STEPS = [0.25, 0.5];
export const MINUTE_STEPS = [5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 5760, 10080];
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** 45 → "45 min", 200 → "3 h 20 min", 4320 → "3 days". */
export function minutesText(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  return `${Math.round(m / 1440)} days`;
}

export function sum(points: SeriesPoint[], value: (p: SeriesPoint) => number): number {
  return points.reduce((total, p) => total + value(p), 0);
}

/** "2 of 5 (40%)", or "none of 0" when there was nothing to count. */
export function ratioText(part: number, whole: number): string {
  return whole === 0 ? `${part} of 0` : `${part} of ${whole} (${percent(part / whole)})`;
}

// Colours that keep 3:1 against white and differ for common colour blindness, each with its own dash.
const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
const PALETTE = ['#1f5fbf', '#c0392b', '#1c6b3a', '#a66a00', '#6a3fb5', '#0e7c86', '#8a4b08', '#5b6470'];

export const NOTICE_SERIES: Array<{ key: keyof SeriesPoint['cancellations']['byNoticeClass']; label: string; phrase: string; color: string; dash: number[] }> = [
  { key: 'ample', label: 'Ample notice', phrase: 'with ample notice', color: '#1c6b3a', dash: [] },
  { key: 'adequate', label: 'Adequate notice', phrase: 'with adequate notice', color: '#a66a00', dash: [8, 4] },
  { key: 'late', label: 'Late notice', phrase: 'with late notice', color: '#c0392b', dash: [2, 3] },
  { key: 'missed', label: 'After the start', phrase: 'after the start', color: '#6a3fb5', dash: [12, 4, 2, 4] },
  { key: 'none', label: 'Before a time was set', phrase: 'before a time was set', color: '#5b6470', dash: [4, 4] },
];

export const SIDE_SERIES: Array<{ key: 'candidate' | 'employer' | 'system'; label: string; color: string; dash: number[] }> = [
  { key: 'candidate', label: 'Candidates', color: '#6a3fb5', dash: [] },
  { key: 'employer', label: 'Employer', color: '#1f5fbf', dash: [8, 4] },
  { key: 'system', label: 'Leeway', color: '#5b6470', dash: [2, 3] },
];

/** Every reason given in the period, most given first; "none" reads "No reason given". */
export function reasonsOf(points: SeriesPoint[]): Array<{ reason: string; label: string; total: number }> {
  const totals = new Map<string, number>();
  for (const p of points) for (const r of p.cancellations.byReason) totals.set(r.reason, (totals.get(r.reason) ?? 0) + r.count);
  return [...totals]
    .map(([reason, total]) => ({ reason, label: reason === 'none' ? 'No reason given' : reasonLabel(reason), total }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

export function reasonCount(point: SeriesPoint, reason: string): number {
  return point.cancellations.byReason.find((r) => r.reason === reason)?.count ?? 0;
}

export function styled(index: number): { color: string; dash: number[] } {
  // Colour and dash both change from one line to the next, so lines that overlap still tell apart.
  return { color: PALETTE[index % PALETTE.length]!, dash: DASHES[index % DASHES.length]! };
}

export function seriesOf<T>(items: T[], points: SeriesPoint[], describe: (item: T, index: number) => { label: string; color: string; dash?: number[]; value: (p: SeriesPoint) => number | null }): ChartSeries[] {
  return items.map((item, index) => {
    const d = describe(item, index);
    return { label: d.label, color: d.color, ...(d.dash ? { dash: d.dash } : {}), values: points.map(d.value) };
  });
}
