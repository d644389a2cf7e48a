import type { NoticeClass } from '../../api/interview-types.ts';
import { NOTICE_LABELS } from './vocabulary.ts';

/** The notice a change gave, coloured by class, with the hours when known. */
export function NoticeBadge({ noticeClass, hours }: { noticeClass: NoticeClass | null | undefined; hours?: number | null | undefined }) {
  if (!noticeClass) return <span className="muted">None</span>;
  const detail = hours !== null && hours !== undefined && hours >= 0 ? ` (${formatHours(hours)} before)` : '';
  return (
    <span className={`badge ${noticeClass}`}>
      {NOTICE_LABELS[noticeClass]}
      {detail}
    </span>
  );
}

function formatHours(hours: number): string {
  // Whole units elapsed, rounded down, as the candidate page and the emails count them: 34.59 h is 34 h.
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  if (hours >= 1) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours * 60)} min`;
}
