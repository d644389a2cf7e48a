/**
 * One part of the benchmark report. `run.ts` prints every section and, with `--write`, puts them all in
 * docs/benchmarks.md; a later benchmark (such as `GET /api/v1/slots` against a database) is another
 * section beside the pure slot search.
 */
export interface BenchSection {
  title: string;
  /** Markdown: what was measured and how. */
  method: string;
  /** Markdown table of the results. */
  table: string;
  /** Problems to report (a wrong slot count); the run fails when any section has one. */
  failures: string[];
}
