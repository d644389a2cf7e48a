import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { AnalyticsSeries, AnalyticsSummary, SeriesBucket } from '../../api/analytics-types.ts';
import { formatDateTime, zoneLabel } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useOrganization } from '../shared/use-organization.ts';
import { AnalyticsCharts } from './analytics-charts.tsx';

const PERIODS: Array<{ id: string; label: string; days: number; bucket: SeriesBucket }> = [
  { id: '4w', label: 'Last 4 weeks, by day', days: 28, bucket: 'day' },
  { id: '13w', label: 'Last 13 weeks, by week', days: 91, bucket: 'week' },
  { id: '26w', label: 'Last 26 weeks, by week', days: 182, bucket: 'week' },
  { id: '52w', label: 'Last 52 weeks, by week', days: 364, bucket: 'week' },
];

/** Cancellations, backfill and each side's reliability over time, in the organization's zone. */
export default function AnalyticsPage() {
  useTitle('Analytics');
  const organization = useOrganization();
  const [periodId, setPeriodId] = useState('13w');
  // The window is fixed when the period is chosen, so both reports count the same instants.
  const [now] = useState(() => Date.now());
  const period = PERIODS.find((p) => p.id === periodId)!;
  const zone = organization.data?.timezone;
  const range = { from: new Date(now - period.days * 86_400_000).toISOString(), to: new Date(now).toISOString(), timezone: zone };
  const series = useQuery({
    queryKey: ['analytics', 'series', range, period.bucket],
    queryFn: ({ signal }) => api.get<AnalyticsSeries>(withQuery('/api/v1/analytics/series', { ...range, bucket: period.bucket }), signal),
    enabled: Boolean(zone),
  });
  const summary = useQuery({
    queryKey: ['analytics', 'summary', range],
    queryFn: ({ signal }) => api.get<AnalyticsSummary>(withQuery('/api/v1/analytics/summary', range), signal),
    enabled: Boolean(zone),
  });

  const report = series.data;
  const zoneText = report ? `${zoneLabel(report.timezone)} time, ${report.timezone}` : '';
  return (
    <div>
      <h1>Analytics</h1>
      <p className="lead">How interviews were called off and by whom, how fast freed time was taken again, and how reliable each side was. Both sides are measured alike.</p>
      <div className="card row analytics-controls">
        <label>
          Period
          <select value={periodId} onChange={(e) => setPeriodId(e.target.value)}>
            {PERIODS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {report && (
          <p className="period-note" role="status">
            From {formatDateTime(report.from, report.timezone)} to {formatDateTime(report.to, report.timezone)}. {report.bucket === 'day' ? 'Days' : 'Weeks (starting Monday)'} are
            counted in {zoneText}.
          </p>
        )}
      </div>
      {(organization.isPending || series.isPending) && <Loading what="the analytics" />}
      <ProblemMessage error={organization.error ?? series.error ?? summary.error} />
      {report && <AnalyticsCharts series={report} summary={summary.data} zoneText={zoneText} />}
    </div>
  );
}
