import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  /** A dash pattern, so lines differ by more than colour. */
  dash?: number[];
}

interface Props {
  /** One label per bucket, e.g. "30 Nov". */
  labels: string[];
  series: ChartSeries[];
  /** Formats a value on the y axis ("3", "25%", "2 h"). */
  formatValue: (value: number) => string;
  /** Steps the y axis may use, so counts read 0, 1, 2 rather than 0.5. */
  yIncrs: number[];
  /** A fixed y range (rates: 0 to 1); otherwise from 0 to a little above the largest value. */
  yRange?: [number, number];
  height?: number;
}

/**
 * How the i-th of n lines is drawn. Lines are painted in order, each over the last: the earlier ones are
 * wider with larger markers, the later ones narrower with smaller hollow markers, so where two series
 * have the same values both stay visible, one inside the other, instead of the last hiding the first.
 */
function lookOf(index: number, count: number): { width: number; pointSize: number; hollow: boolean } {
  const fromTop = Math.min(count - 1 - index, 3);
  return { width: 2 + fromTop * 2, pointSize: 7 + fromTop * 5, hollow: index % 2 === 1 };
}

/** The last bucket with a value, for the legend. */
function lastValue(values: Array<number | null>): number | null {
  for (let i = values.length - 1; i >= 0; i -= 1) if (values[i] !== null && values[i] !== undefined) return values[i]!;
  return null;
}

/** The earlier series with exactly the same values, if any: said in the legend, since the lines coincide. */
function sameAs(series: ChartSeries[], index: number): string | null {
  const mine = series[index]!.values;
  const twin = series.slice(0, index).find((other) => other.values.length === mine.length && other.values.every((v, i) => v === mine[i]));
  return twin ? twin.label : null;
}

/**
 * A line chart drawn by uPlot on a canvas, sized to its container. It is hidden from assistive tech:
 * every chart on the page has its numbers in a table beside it, and a summary in words.
 */
export function LineChart({ labels, series, formatValue, yIncrs, yRange, height = 220 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = labels.map((_, index) => index);
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 280),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => yRange ?? [0, max > 0 ? max * 1.15 : 1] } },
      axes: [
        {
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          incrs: [1, 2, 4, 7, 14, 28],
          space: 56,
          stroke: '#4f5868',
          grid: { stroke: '#e3e6eb' },
        },
        { values: (_u, splits) => splits.map(formatValue), incrs: yIncrs, stroke: '#4f5868', grid: { stroke: '#e3e6eb' }, size: 64 },
      ],
      series: [
        {},
        ...series.map((s, index) => {
          const look = lookOf(index, series.length);
          return {
            label: s.label,
            stroke: s.color,
            width: look.width,
            dash: s.dash ?? [],
            points: { show: true, size: look.pointSize, width: 2, stroke: s.color, fill: look.hollow ? '#ffffff' : s.color },
            spanGaps: false,
          };
        }),
      ],
    };
    const chart = new uPlot(options, [xs, ...series.map((s) => s.values)] as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 280), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, series, formatValue, yIncrs, yRange, height]);

  return (
    <div className="chart-frame">
      <div ref={box} className="chart" aria-hidden="true" />
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s, index) => {
          const look = lookOf(index, series.length);
          const last = lastValue(s.values);
          const twin = sameAs(series, index);
          return (
            <li key={s.label}>
              <svg width="36" height="18" aria-hidden="true" focusable="false">
                <line x1="1" y1="9" x2="35" y2="9" stroke={s.color} strokeWidth={look.width} strokeDasharray={s.dash?.join(' ')} />
                <circle cx="18" cy="9" r={Math.min(look.pointSize, 16) / 2} stroke={s.color} strokeWidth="2" fill={look.hollow ? '#ffffff' : s.color} />
              </svg>
              <span>
                {s.label}
                {last !== null && `, latest: ${formatValue(last)}`}
                {twin && ` (the same values as ${twin}: the lines lie on each other)`}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
