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
        ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, dash: s.dash ?? [], points: { show: true, size: 6, fill: s.color }, spanGaps: false })),
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
        {series.map((s) => (
          <li key={s.label}>
            <svg width="28" height="10" aria-hidden="true" focusable="false">
              <line x1="1" y1="5" x2="27" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash?.join(' ')} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
