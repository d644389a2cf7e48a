import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/use-idempotency-key.ts';
import type { CreatedWebhook, WebhookInput } from '../../api/webhook-types.ts';
import { FocusHeading } from '../../ui/focus-heading.tsx';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useFocusLater } from '../../ui/use-focus-later.ts';
import { OneTimeSecret } from './one-time-secret.tsx';
import { useWebhooks, webhooksKey } from './use-webhooks.ts';
import { EMPTY_WEBHOOK, WebhookForm } from './webhook-form.tsx';
import { WebhookItem } from './webhook-item.tsx';

/** The organization's webhooks: adding one (its secret shown once), and each with its actions and log. */
export function WebhooksSection({ zone }: { zone: string }) {
  const client = useQueryClient();
  const webhooks = useWebhooks();
  const [adding, setAdding] = useState(false);
  // A double click or a retry after a network blip creates one webhook; a corrected form is a new request.
  const keyFor = useIdempotencyKey();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [notice, setNotice] = useState('');
  const [noticeRef, focusNotice] = useFocusLater<HTMLParagraphElement>();
  const [headingRef, focusHeading] = useFocusLater<HTMLHeadingElement>();
  const create = useMutation({
    mutationFn: (input: WebhookInput) => api.post<CreatedWebhook>('/api/v1/webhooks', input, keyFor(input)),
    onSuccess: (webhook) => {
      setAdding(false);
      setCreated(webhook);
      void client.invalidateQueries({ queryKey: webhooksKey });
    },
  });
  const startAdding = () => {
    create.reset();
    setCreated(null);
    setNotice('');
    setAdding(true);
  };
  const list = webhooks.data?.pages.flatMap((page) => page.webhooks) ?? [];

  return (
    <section aria-labelledby="webhooks-heading">
      <div className="row page-heading">
        <h2 id="webhooks-heading" ref={headingRef} tabIndex={-1}>
          Webhooks
        </h2>
        {!adding && (
          <button type="button" className="primary" onClick={startAdding}>
            Add a webhook
          </button>
        )}
      </div>
      <p className="muted">
        Leeway tells your other systems what changed — an interview booked, moved or called off, a panel seat declined, an opening filled — by sending each
        event to an address of yours, signed the Standard Webhooks way (headers <code>webhook-id</code>, <code>webhook-timestamp</code>,{' '}
        <code>webhook-signature</code>). A receiver that does not answer is tried again for about three days, then the webhook is disabled.
      </p>

      <div aria-live="polite">
        {notice && (
          <p className="success" ref={noticeRef} tabIndex={-1}>
            {notice}
          </p>
        )}
      </div>

      {adding && (
        <section className="card org-card" aria-labelledby="webhook-add-heading">
          <FocusHeading level={3} id="webhook-add-heading">
            Add a webhook
          </FocusHeading>
          <WebhookForm
            initial={EMPTY_WEBHOOK}
            submitLabel="Add the webhook"
            pendingLabel="Adding…"
            pending={create.isPending}
            error={create.error}
            onSubmit={(input) => create.mutate(input)}
            onCancel={() => {
              setAdding(false);
              focusHeading();
            }}
          />
        </section>
      )}

      {created && (
        <section className="card org-card success-panel" aria-labelledby="webhook-created-heading">
          <FocusHeading level={3} id="webhook-created-heading">
            Webhook added
          </FocusHeading>
          <p>
            Events ({created.events.join(', ')}) now go to <code className="break-anywhere">{created.url}</code>.
          </p>
          <OneTimeSecret
            label="Signing secret"
            secret={created.secret}
            use="Your receiver needs it to check that each event really comes from Leeway. If it is lost, replace the secret."
            onDone={() => {
              setCreated(null);
              focusHeading();
            }}
          />
        </section>
      )}

      {webhooks.isPending && <Loading what="the webhooks" />}
      <ProblemMessage error={webhooks.error} />
      {webhooks.data && list.length === 0 && !adding && <p>No webhooks yet.</p>}
      {list.length > 0 && (
        <ul className="webhook-list" aria-label="Webhooks">
          {list.map((webhook) => (
            <li key={webhook.id}>
              <WebhookItem
                webhook={webhook}
                zone={zone}
                onDeleted={(gone) => {
                  if (created?.id === gone.id) setCreated(null);
                  setNotice(`Deleted the webhook to ${gone.url}. Nothing more is sent there.`);
                  focusNotice();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {webhooks.hasNextPage && (
        <button type="button" onClick={() => void webhooks.fetchNextPage()} disabled={webhooks.isFetchingNextPage}>
          {webhooks.isFetchingNextPage ? 'Loading…' : 'Show more webhooks'}
        </button>
      )}
    </section>
  );
}
