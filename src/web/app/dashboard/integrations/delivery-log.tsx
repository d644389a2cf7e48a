import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Delivery } from '../../api/webhook-types.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { Time } from '../../ui/time.tsx';
import { deliveryBadgeClass, deliveryStatusLabel, lastAnswer } from './delivery-words.ts';
import { useDeliveries, webhooksKey } from './use-webhooks.ts';

function When({ delivery, zone }: { delivery: Delivery; zone: string }) {
  return (
    <>
      <span className="block">
        Queued <Time iso={delivery.createdAt} zone={zone} />
      </span>
      {delivery.lastAttemptAt && (
        <span className="block">
          Last tried <Time iso={delivery.lastAttemptAt} zone={zone} />
        </span>
      )}
      {delivery.deliveredAt && (
        <span className="block">
          Delivered <Time iso={delivery.deliveredAt} zone={zone} />
        </span>
      )}
      {delivery.status === 'pending' && delivery.waitingFor && (
        <span className="block">
          Sent right after <span className="break-anywhere">{delivery.waitingFor}</span> is delivered
        </span>
      )}
      {delivery.status === 'pending' && delivery.nextAttemptAt && (
        <span className="block">
          Next try <Time iso={delivery.nextAttemptAt} zone={zone} />
        </span>
      )}
      {/* Neither held nor due: the endpoint is disabled, and the server tries nothing until it is enabled again. */}
      {delivery.status === 'pending' && !delivery.waitingFor && !delivery.nextAttemptAt && (
        <span className="block">Sent once the webhook is enabled again</span>
      )}
    </>
  );
}

/**
 * What was sent to one webhook, newest first: each event's type and `webhook-id`, where it stands, how
 * many tries, what the receiver answered last, when, and the body exactly as signed and sent.
 */
export function DeliveryLog({ webhookId, label, zone }: { webhookId: string; label: string; zone: string }) {
  const deliveries = useDeliveries(webhookId);
  const list = deliveries.data?.pages.flatMap((page) => page.deliveries) ?? [];
  // A delivery that settles may have disabled the webhook (a 410, or days of failures): whenever the log
  // shows a delivery in a new state, the webhook itself is read again too.
  const client = useQueryClient();
  const states = list.map((d) => `${d.id}:${d.status}`).join(' ');
  useEffect(() => {
    if (states) void client.invalidateQueries({ queryKey: webhooksKey });
  }, [states, client]);
  return (
    <div className="delivery-log">
      {deliveries.isPending && <Loading what="the deliveries" />}
      <ProblemMessage error={deliveries.error} />
      {deliveries.data && list.length === 0 && <p className="muted">Nothing has been sent to this webhook yet.</p>}
      {list.length > 0 && (
        <ScrollTable label={label}>
          <table className="stacked-table deliveries">
            <caption className="visually-hidden">{label}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Tries</th>
                <th scope="col">Last answer</th>
                <th scope="col">When</th>
                <th scope="col">Payload</th>
              </tr>
            </thead>
            <tbody>
              {list.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">
                    <code>{delivery.type}</code>
                    <span className="muted small block break-anywhere">webhook-id {delivery.id}</span>
                  </th>
                  <td data-label="Status">
                    <span className={`badge ${deliveryBadgeClass(delivery)}`}>{deliveryStatusLabel(delivery)}</span>
                  </td>
                  <td data-label="Tries">{delivery.attempts}</td>
                  <td data-label="Last answer" className={delivery.lastError ? 'problem-text break-anywhere' : 'break-anywhere'}>
                    {lastAnswer(delivery)}
                  </td>
                  <td data-label="When">
                    <When delivery={delivery} zone={zone} />
                  </td>
                  <td data-label="Payload">
                    <details className="payload">
                      <summary>
                        Show the payload<span className="visually-hidden"> of {delivery.type} {delivery.id}</span>
                      </summary>
                      <pre>{JSON.stringify(delivery.payload, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {deliveries.hasNextPage && (
        <button type="button" onClick={() => void deliveries.fetchNextPage()} disabled={deliveries.isFetchingNextPage}>
          {deliveries.isFetchingNextPage ? 'Loading…' : 'Show older deliveries'}
        </button>
      )}
    </div>
  );
}
