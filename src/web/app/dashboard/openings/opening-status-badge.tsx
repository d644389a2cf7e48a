import type { OpeningStatus } from '../../api/opening-types.ts';

const LABELS: Record<OpeningStatus, string> = { open: 'Open', filled: 'Filled', closed: 'Closed' };
const TONES: Record<OpeningStatus, string> = { open: 'status-scheduled', filled: 'status-invited', closed: 'status-cancelled' };

/** Open, filled or closed: the shared status colours, so an ended opening reads as settled. */
export function OpeningStatusBadge({ status }: { status: OpeningStatus }) {
  return <span className={`badge ${TONES[status]}`}>{LABELS[status]}</span>;
}
