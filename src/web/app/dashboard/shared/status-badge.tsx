import type { InterviewStatus } from '../../api/interview-types.ts';
import { STATUS_LABELS } from './vocabulary.ts';

/** An interview's status; called-off and missed ones stand apart from those that hold time. */
export function StatusBadge({ status }: { status: InterviewStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
