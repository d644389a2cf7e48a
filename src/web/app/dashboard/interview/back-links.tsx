import { Link } from 'wouter';
import type { Interview } from '../../api/interview-types.ts';
import { dateInZone } from '../../ui/format-time.ts';
import { dayLabel, mondayOf } from '../week/week-dates.ts';

/**
 * An interview is reached from the week or from its opening (and the feeds): both ways back are named,
 * the week being the one the interview falls in.
 */
export function BackLinks({ interview, zone }: { interview: Interview; zone: string }) {
  const monday = interview.start ? mondayOf(dateInZone(interview.start, zone)) : null;
  return (
    <nav aria-label="Back to" className="breadcrumb row">
      <Link href={monday ? `/?week=${monday}` : '/'}>← {monday ? `The week of ${dayLabel(monday)}` : 'The week'}</Link>
      {interview.opening && <Link href={`/openings/${interview.opening.id}`}>← Opening: {interview.opening.title}</Link>}
    </nav>
  );
}
