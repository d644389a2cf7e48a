import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { InboundReplyPage } from '../../api/inbound-types.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { ReplyItem } from '../shared/reply-item.tsx';

/**
 * Every calendar reply received lately, newest first, including those that matched no interview: the
 * place to see whether a new MX record or forwarding works, and why a reply changed nothing.
 */
export function RecentReplies({ zone }: { zone: string }) {
  const replies = useInfiniteQuery({
    queryKey: ['inbound-replies', 'all'],
    queryFn: ({ pageParam, signal }) => api.get<InboundReplyPage>(withQuery('/api/v1/inbound/replies', { limit: 10, cursor: pageParam }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const list = replies.data?.pages.flatMap((page) => page.replies) ?? [];
  return (
    <>
      <h3 id="recent-replies-heading">Replies received lately</h3>
      {replies.isPending && <Loading what="the replies received" />}
      <ProblemMessage error={replies.error} />
      {replies.data && list.length === 0 && <p className="muted">No calendar reply has reached Leeway yet.</p>}
      {list.length > 0 && (
        <ol className="reply-list" aria-labelledby="recent-replies-heading">
          {list.map((reply) => (
            <ReplyItem key={reply.id} reply={reply} zone={zone} showInterview />
          ))}
        </ol>
      )}
      {replies.hasNextPage && (
        <button type="button" onClick={() => void replies.fetchNextPage()} disabled={replies.isFetchingNextPage}>
          {replies.isFetchingNextPage ? 'Loading…' : 'Show older replies'}
        </button>
      )}
    </>
  );
}
