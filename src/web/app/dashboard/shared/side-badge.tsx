import type { Side } from '../../api/interview-types.ts';
import { SIDE_LABELS } from './vocabulary.ts';

/** Whoever acted: candidate, employer or Leeway itself. */
export function SideBadge({ side }: { side: Side }) {
  return <span className={`badge side-${side}`}>{SIDE_LABELS[side]}</span>;
}
