import type { Verdict } from './screen-types.ts';

const LABEL: Record<Verdict, string> = { ok: 'Fine to ask', risky: 'Risky', unlawful: 'Unlawful' };
// The badge colours of the notice classes: green, amber, red.
const TONE: Record<Verdict, string> = { ok: 'ample', risky: 'short', unlawful: 'late' };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge ${TONE[verdict]}`}>{LABEL[verdict]}</span>;
}

export function verdictLabel(verdict: Verdict): string {
  return LABEL[verdict];
}
