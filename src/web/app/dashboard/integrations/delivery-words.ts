import type { Delivery, Webhook } from '../../api/webhook-types.ts';

/** Where a delivery stands, in a few words: a pending one that was tried already is being retried. */
export function deliveryStatusLabel(delivery: Delivery): string {
  if (delivery.status === 'delivered') return 'Delivered';
  if (delivery.status === 'failed') return 'Failed, given up';
  if (delivery.waitingFor) return 'Held behind an older event';
  return delivery.attempts > 0 ? 'Failed, will retry' : 'Waiting to be sent';
}

/** The badge class of the shared message badges: delivered reads as sent, a retry as pending. */
export function deliveryBadgeClass(delivery: Delivery): string {
  if (delivery.status === 'delivered') return 'message-sent';
  if (delivery.status === 'failed') return 'message-failed';
  return 'message-pending';
}

/** What the receiver answered last, or why there was no answer. */
export function lastAnswer(delivery: Delivery): string {
  if (delivery.attempts === 0) return 'Not tried yet';
  const status = delivery.lastResponseStatus !== null ? `HTTP ${delivery.lastResponseStatus}` : 'No answer';
  if (!delivery.lastError) return status;
  // The server's words often name the status already ("The endpoint answered 410 Gone").
  if (delivery.lastResponseStatus !== null && delivery.lastError.includes(String(delivery.lastResponseStatus))) return delivery.lastError;
  return `${status}: ${delivery.lastError}`;
}

export const WEBHOOK_STATUS_LABELS: Record<Webhook['status'], string> = {
  active: 'Active',
  disabled: 'Disabled',
};
