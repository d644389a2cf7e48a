import type { EmployerNotice } from '../../../api/interview-types.ts';
import { NoticeBadge } from '../../shared/notice-badge.tsx';

/**
 * The notice a change gives the candidate, as the server classified it, with its advice: late notice is
 * a warning (call first, when their number is on file), never a blocked button.
 */
export function NoticeAdvice({ notice }: { notice: EmployerNotice | null | undefined }) {
  if (!notice) return null;
  const late = notice.class === 'late' || notice.class === 'missed';
  return (
    <p className={late ? 'warning' : undefined} data-notice={notice.class}>
      <NoticeBadge noticeClass={notice.class} hours={notice.hoursUntilStart} /> {notice.text}
      {notice.callFirst && notice.phone && (
        <>
          {' '}
          <a href={`tel:${notice.phone}`}>Call {notice.phone}</a>
        </>
      )}
    </p>
  );
}
