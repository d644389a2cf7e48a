/** Answers seen per route: each HTTP status (or network failure) with its count and latencies. */
export interface StatusCounts {
  /** One answer (or failed attempt) of `route`, in `ms`. */
  add(route: string, status: number | string, ms: number): void;
  noteMissingRetryAfter(route: string, status: number): void;
  noteServerError(route: string, status: number, body: string): void;
  routes(): RouteCounts[];
  /** 503 and 429 answers without Retry-After, by route. */
  missingRetryAfter(): number;
  /** The first few 5xx bodies (other than 503), for the report. */
  serverErrorExamples(): string[];
  /** The first body of each refusal (4xx) per route, e.g. `POST …/cancel → 409: {"code":"INVALID_STATE",…}`. */
  refusalExamples(): string[];
  noteRefusal(route: string, status: number, body: string): void;
}

export interface RouteCounts {
  route: string;
  /** `201: 812`, `503: 4`, `network ECONNREFUSED: 2`, … */
  statuses: Map<string, number>;
  total: number;
  p50Ms: number;
  p99Ms: number;
}

const MAX_EXAMPLES = 5;

/**
 * @example
 * const counts = statusCounts(); counts.add('GET /healthz', 200, 1.4); counts.routes();
 */
export function statusCounts(): StatusCounts {
  const byRoute = new Map<string, { statuses: Map<string, number>; latencies: number[] }>();
  let missing = 0;
  const examples: string[] = [];
  const refusals = new Map<string, string>();
  return {
    add(route, status, ms) {
      let entry = byRoute.get(route);
      if (!entry) byRoute.set(route, (entry = { statuses: new Map(), latencies: [] }));
      const key = String(status);
      entry.statuses.set(key, (entry.statuses.get(key) ?? 0) + 1);
      entry.latencies.push(ms);
    },
    noteMissingRetryAfter() {
      missing += 1;
    },
    noteServerError(route, status, body) {
      if (examples.length < MAX_EXAMPLES) examples.push(`${route} → ${status}: ${body.slice(0, 300)}`);
    },
    routes() {
      return [...byRoute].map(([route, { statuses, latencies }]) => {
        const sorted = [...latencies].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
        return { route, statuses, total: latencies.length, p50Ms: at(0.5), p99Ms: at(0.99) };
      });
    },
    noteRefusal(route, status, body) {
      const key = `${route} → ${status}`;
      if (!refusals.has(key)) refusals.set(key, body.slice(0, 200));
    },
    refusalExamples: () => [...refusals].map(([key, body]) => `${key}: ${body}`),
    missingRetryAfter: () => missing,
    serverErrorExamples: () => [...examples],
  };
}
