import type { Finding, Severity } from '../types.ts';

/** Points a finding of each severity takes off a perfect 100. */
export const SEVERITY_DEDUCTIONS: Record<Severity, number> = { error: 30, warn: 10, info: 2 };

/**
 * The review score: 100 minus each finding's deduction, never below 0, so every lost point has a
 * finding that explains it.
 *
 * @example
 * scoreFindings([{ code: 'missing_apology', severity: 'warn', message: '' }]) // 90
 */
export function scoreFindings(findings: readonly Finding[]): number {
  const lost = findings.reduce((sum, f) => sum + SEVERITY_DEDUCTIONS[f.severity], 0);
  return Math.max(0, 100 - lost);
}
