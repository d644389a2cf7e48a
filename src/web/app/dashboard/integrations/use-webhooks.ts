import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { DeliveryPage, WebhookEventTypes, WebhookPage } from '../../api/webhook-types.ts';

export const webhooksKey = ['webhooks'] as const;
export const deliveriesKey = (webhookId: string) => ['webhook-deliveries', webhookId] as const;

/** The organization's webhooks, a page at a time. */
export function useWebhooks() {
  return useInfiniteQuery({
    queryKey: webhooksKey,
    queryFn: ({ pageParam, signal }) => api.get<WebhookPage>(withQuery('/api/v1/webhooks', { limit: 50, cursor: pageParam }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Every event a webhook may subscribe to, with the server's description of each. */
export function useEventTypes() {
  return useQuery({
    queryKey: ['webhook-event-types'],
    queryFn: ({ signal }) => api.get<WebhookEventTypes>('/api/v1/webhooks/event-types', signal),
    staleTime: Infinity,
  });
}

const SOON_MS = 60_000;

/**
 * A webhook's deliveries, newest first. While one is about to be tried the log is read again every few
 * seconds, so a test event turns from waiting to delivered by itself; a retry hours away (and what
 * waits behind it) is read again every half minute.
 */
export function useDeliveries(webhookId: string) {
  return useInfiniteQuery({
    queryKey: deliveriesKey(webhookId),
    queryFn: ({ pageParam, signal }) =>
      api.get<DeliveryPage>(withQuery(`/api/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries`, { limit: 20, cursor: pageParam }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) => {
      const pending = (query.state.data?.pages[0]?.deliveries ?? []).filter((d) => d.status === 'pending');
      if (pending.length === 0) return false;
      // A held delivery goes when the one it waits behind does, whose own next attempt says when.
      const soon = pending.some((d) => !d.waitingFor && (!d.nextAttemptAt || Date.parse(d.nextAttemptAt) - Date.now() < SOON_MS));
      return soon ? 2_000 : 30_000;
    },
  });
}
