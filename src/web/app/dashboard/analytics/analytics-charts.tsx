import { useMemo } from 'react';
import type { AnalyticsSeries, AnalyticsSummary, SeriesPoint } from '../../api/analytics-types.ts';
import { ChartSection } from './chart-section.tsx';
import {
  COUNT_STEPS,
  MINUTE_STEPS,
  NOTICE_SERIES,
  RATE_STEPS,
  SIDE_SERIES,
  bucketLabel,
  count,
  minutesText,
  percent,
  ratioText,
  reasonCount,
  reasonsOf,
  seriesOf,
  styled,
  sum,
} from './series-data.ts';

const RATE_RANGE: [number, number] = [0, 1];

/** The six charts of the period, each with its summary in words and its table. */
export function AnalyticsCharts({ series, summary, zoneText }: { series: AnalyticsSeries; summary: AnalyticsSummary | undefined; zoneText: string }) {
  const { points, bucket } = series;
  const labels = useMemo(() => points.map((p) => bucketLabel(p.start)), [points]);
  const total = sum(points, (p) => p.cancellations.total);
  const common = { points, bucket, zoneText, labels };

  const notice = useMemo(
    () => seriesOf(NOTICE_SERIES, points, (n) => ({ label: n.label, color: n.color, dash: n.dash, value: (p) => p.cancellations.byNoticeClass[n.key] })),
    [points],
  );
  const sides = useMemo(
    () => seriesOf(SIDE_SERIES, points, (s) => ({ label: s.label, color: s.color, dash: s.dash, value: (p) => p.cancellations.bySide[s.key] })),
    [points],
  );
  const reasons = useMemo(() => reasonsOf(points), [points]);
  const reasonLines = useMemo(
    () => seriesOf(reasons, points, (r, i) => ({ label: r.label, ...styled(i), value: (p) => reasonCount(p, r.reason) })),
    [reasons, points],
  );
  const backfill = useMemo(
    () => [{ label: 'Median time to fill', color: '#1f5fbf', values: points.map((p) => p.backfill.medianMinutesToFill) }],
    [points],
  );
  const lateRates = useMemo(
    () => [
      { label: 'Candidates', color: '#6a3fb5', values: points.map((p) => p.candidate.lateCancelRate) },
      { label: 'Employer', color: '#1f5fbf', dash: [8, 4], values: points.map((p) => p.employer.lateCancelRate) },
    ],
    [points],
  );
  const noShowRates = useMemo(
    () => [
      { label: 'Candidates', color: '#6a3fb5', values: points.map((p) => p.candidate.noShowRate) },
      { label: 'Employer', color: '#1f5fbf', dash: [8, 4], values: points.map((p) => p.employer.noShowRate) },
    ],
    [points],
  );

  const side = (key: 'candidate' | 'employer', value: (s: SeriesPoint['candidate']) => number) => sum(points, (p) => value(p[key]));
  const heldOrMissed = sum(points, (p) => p.heldOrMissed);

  return (
    <>
      <ChartSection
        id="chart-notice"
        title="Cancellations by notice"
        summary={
          total === 0
            ? 'No cancellations in this period.'
            : `${total} ${total === 1 ? 'cancellation' : 'cancellations'} in this period: ${NOTICE_SERIES.map((n) => `${sum(points, (p) => p.cancellations.byNoticeClass[n.key])} ${n.phrase}`).join(', ')}.`
        }
        {...common}
        series={notice}
        formatValue={count}
        yIncrs={COUNT_STEPS}
        emptyText="Nothing to draw: no cancellations in this period."
        columns={[...NOTICE_SERIES.map((n) => ({ label: n.label, cell: (p: SeriesPoint) => count(p.cancellations.byNoticeClass[n.key]) })), { label: 'Total', cell: (p) => count(p.cancellations.total) }]}
      />
      <ChartSection
        id="chart-side"
        title="Cancellations by side"
        summary={total === 0 ? 'No cancellations in this period.' : `${SIDE_SERIES.map((s) => `${sum(points, (p) => p.cancellations.bySide[s.key])} by ${s.key === 'candidate' ? 'candidates' : s.key === 'employer' ? 'the employer' : 'Leeway'}`).join(', ')}.`}
        {...common}
        series={sides}
        formatValue={count}
        yIncrs={COUNT_STEPS}
        emptyText="Nothing to draw: no cancellations in this period."
        columns={SIDE_SERIES.map((s) => ({ label: s.label, cell: (p: SeriesPoint) => count(p.cancellations.bySide[s.key]) }))}
      />
      <ChartSection
        id="chart-reason"
        title="Cancellations by reason"
        summary={reasons.length === 0 ? 'No cancellations in this period.' : `${reasons.map((r) => `${r.label}: ${r.total}`).join('; ')}.`}
        {...common}
        series={reasonLines}
        formatValue={count}
        yIncrs={COUNT_STEPS}
        emptyText="Nothing to draw: no cancellations in this period."
        columns={reasons.map((r) => ({ label: r.label, cell: (p: SeriesPoint) => count(reasonCount(p, r.reason)) }))}
      />
      <ChartSection
        id="chart-backfill"
        title="Time to backfill freed time"
        summary={
          summary
            ? `${summary.backfill.freed} ${summary.backfill.freed === 1 ? 'slot' : 'slots'} freed, ${summary.backfill.offered} offered to the waitlist, ${summary.backfill.filled} filled; ` +
              (summary.backfill.medianMinutesToFill === null ? 'none filled, so no time to fill.' : `median time to fill over the period: ${minutesText(summary.backfill.medianMinutesToFill)}.`)
            : `${sum(points, (p) => p.backfill.freed)} slots freed, ${sum(points, (p) => p.backfill.filled)} filled.`
        }
        {...common}
        series={backfill}
        formatValue={minutesText}
        yIncrs={MINUTE_STEPS}
        emptyText="Nothing to draw: no freed time was filled in this period."
        columns={[
          { label: 'Freed', cell: (p) => count(p.backfill.freed) },
          { label: 'Filled', cell: (p) => count(p.backfill.filled) },
          { label: 'Median time to fill', cell: (p) => (p.backfill.medianMinutesToFill === null ? '—' : minutesText(p.backfill.medianMinutesToFill)) },
        ]}
      />
      <ChartSection
        id="chart-late"
        title="Late cancellations, each side"
        summary={`Share of each side’s cancellations made with late notice or after the start. Candidates: ${ratioText(side('candidate', (s) => s.lateCancelled), side('candidate', (s) => s.cancelled))}; employer: ${ratioText(side('employer', (s) => s.lateCancelled), side('employer', (s) => s.cancelled))}.`}
        {...common}
        series={lateRates}
        formatValue={percent}
        yIncrs={RATE_STEPS}
        yRange={RATE_RANGE}
        emptyText="Nothing to draw: no cancellation in this period was late."
        columns={[
          { label: 'Candidates', cell: (p) => ratioText(p.candidate.lateCancelled, p.candidate.cancelled) },
          { label: 'Employer', cell: (p) => ratioText(p.employer.lateCancelled, p.employer.cancelled) },
        ]}
      />
      <ChartSection
        id="chart-no-show"
        title="No-shows, each side"
        summary={`Share of interviews held or missed where that side did not show. Candidates: ${ratioText(side('candidate', (s) => s.noShows), heldOrMissed)}; employer: ${ratioText(side('employer', (s) => s.noShows), heldOrMissed)}.`}
        {...common}
        series={noShowRates}
        formatValue={percent}
        yIncrs={RATE_STEPS}
        yRange={RATE_RANGE}
        emptyText="Nothing to draw: nobody failed to show in this period."
        columns={[
          { label: 'Candidates', cell: (p) => ratioText(p.candidate.noShows, p.heldOrMissed) },
          { label: 'Employer', cell: (p) => ratioText(p.employer.noShows, p.heldOrMissed) },
        ]}
      />
    </>
  );
}
