import type { ReactNode } from 'react';
import type { SeriesBucket, SeriesPoint } from '../../api/analytics-types.ts';
import { LineChart } from './line-chart.tsx';
import type { ChartSeries } from './line-chart.tsx';
import { bucketHeading, bucketLabel } from './series-data.ts';
import { ScrollTable } from '../../ui/scroll-table.tsx';

export interface TableColumn {
  label: string;
  cell: (point: SeriesPoint) => string;
}

interface Props {
  id: string;
  title: string;
  /** What the chart shows, in words: the text alternative every reader gets. */
  summary: ReactNode;
  points: SeriesPoint[];
  bucket: SeriesBucket;
  zoneText: string;
  labels: string[];
  series: ChartSeries[];
  formatValue: (value: number) => string;
  yIncrs: number[];
  yRange?: [number, number];
  /** Said instead of an empty chart when no bucket has a value. */
  emptyText: string;
  columns: TableColumn[];
}

/**
 * One chart with its alternatives: a summary in words, and the numbers of every bucket in a table that
 * anyone can open (screen readers read it instead of the canvas).
 */
export function ChartSection({ id, title, summary, points, bucket, zoneText, labels, series, formatValue, yIncrs, yRange, emptyText, columns }: Props) {
  const drawable = series.some((s) => s.values.some((v) => v !== null && v > 0));
  return (
    <section className="card chart-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="chart-summary">{summary}</p>
      {drawable ? (
        <LineChart labels={labels} series={series} formatValue={formatValue} yIncrs={yIncrs} {...(yRange ? { yRange } : {})} />
      ) : (
        <p className="chart-empty">{emptyText}</p>
      )}
      <details className="chart-table">
        <summary>
          The numbers as a table<span className="visually-hidden">: {title}</span>
        </summary>
        <ScrollTable label={`${title}: the numbers`}>
          <table>
            <caption>
              {title}, by {bucket === 'day' ? 'day' : 'week'} ({zoneText})
            </caption>
            <thead>
              <tr>
                <th scope="col">{bucketHeading(bucket)}</th>
                {columns.map((c) => (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.start}>
                  <th scope="row">
                    <time dateTime={point.start}>{bucketLabel(point.start)}</time>
                  </th>
                  {columns.map((c) => (
                    <td key={c.label}>{c.cell(point)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </details>
    </section>
  );
}
