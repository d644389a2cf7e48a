/**
 * What the analytics endpoints answer (GET /api/v1/analytics/series and /summary), as the dashboard reads
 * them. They mirror the server's OpenAPI schemas (the web app may not import the server).
 */
export type SeriesBucket = 'day' | 'week';

export interface SeriesSide {
  cancelled: number;
  /** Cancelled with late or missed notice. */
  lateCancelled: number;
  /** lateCancelled / cancelled; null when nothing was cancelled. */
  lateCancelRate: number | null;
  rescheduled: number;
  noShows: number;
  /** noShows / heldOrMissed; null when no interview took place or was missed. */
  noShowRate: number | null;
}

export interface SeriesPoint {
  /** The local date the bucket starts on (YYYY-MM-DD). */
  start: string;
  cancellations: {
    total: number;
    byNoticeClass: { ample: number; adequate: number; late: number; missed: number; none: number };
    bySide: { candidate: number; employer: number; system: number };
    /** Most frequent first; `none` when no reason was given. */
    byReason: Array<{ reason: string; count: number }>;
  };
  candidate: SeriesSide;
  employer: SeriesSide;
  heldOrMissed: number;
  backfill: { freed: number; filled: number; medianMinutesToFill: number | null };
}

export interface AnalyticsSeries {
  from: string;
  to: string;
  timezone: string;
  bucket: SeriesBucket;
  points: SeriesPoint[];
}

/** The parts of GET /api/v1/analytics/summary the page reads: figures over the whole window. */
export interface AnalyticsSummary {
  from: string;
  to: string;
  timezone: string;
  backfill: { freed: number; offered: number; filled: number; medianMinutesToFill: number | null };
}
