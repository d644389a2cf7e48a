import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { Interview } from '../../api/interview-types.ts';
import { formatDateTime } from '../../ui/format-time.ts';
import { fetchAllPages } from '../shared/fetch-all-pages.ts';
import { StatusBadge } from '../shared/status-badge.tsx';

/**
 * The candidate's other interviews for the same opening: after an employer cancels or a panelist fails
 * to come, Leeway invites the candidate again, and the new invitation is its own interview.
 */
export function RelatedInterviews({ interview, zone }: { interview: Interview; zone: string }) {
  const related = useQuery({
    queryKey: ['interviews', 'related', interview.candidateId, interview.openingId],
    queryFn: ({ signal }) => fetchAllPages<Interview>('/api/v1/interviews', 'interviews', { candidateId: interview.candidateId, openingId: interview.openingId }, signal),
  });
  const others = (related.data ?? []).filter((other) => other.id !== interview.id);
  if (others.length === 0) return null;
  const who = interview.candidate?.name ?? 'the candidate';
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">
        Other interviews with {who}
        {interview.opening ? ` for ${interview.opening.title}` : ''}
      </h2>
      <ul className="related card">
        {others.map((other) => (
          <li key={other.id}>
            <Link href={`/interviews/${other.id}`}>{other.title}</Link> <StatusBadge status={other.status} />{' '}
            {other.start ? (
              <time dateTime={other.start}>{formatDateTime(other.start, zone)}</time>
            ) : (
              <span className="muted">
                no time yet{other.offeredSlots.length > 0 ? `: ${other.offeredSlots.length} times offered to pick from` : ''}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
