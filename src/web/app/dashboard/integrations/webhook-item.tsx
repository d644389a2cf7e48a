import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import type { Delivery, Webhook, WebhookPatch } from '../../api/webhook-types.ts';
import { FocusHeading } from '../../ui/focus-heading.tsx';
import { ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { useFocusLater } from '../../ui/use-focus-later.ts';
import { ConfirmStep } from '../shared/confirm-step.tsx';
import { DeliveryLog } from './delivery-log.tsx';
import { WEBHOOK_STATUS_LABELS } from './delivery-words.ts';
import { OneTimeSecret } from './one-time-secret.tsx';
import { deliveriesKey, webhooksKey } from './use-webhooks.ts';
import { WebhookForm } from './webhook-form.tsx';

type Panel = 'edit' | 'rotate' | 'delete' | null;

const path = (webhook: Webhook) => `/api/v1/webhooks/${encodeURIComponent(webhook.id)}`;

/**
 * One webhook: where it sends, what, whether it still does (and why not), and what can be done with it
 * — send a test event, read its delivery log, change it, replace its secret, remove it. Results are
 * announced in a live region; a new secret is shown here, once.
 */
export function WebhookItem({ webhook, zone, onDeleted }: { webhook: Webhook; zone: string; onDeleted: (webhook: Webhook) => void }) {
  const client = useQueryClient();
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState('');
  const [noticeRef, focusNotice] = useFocusLater<HTMLParagraphElement>();
  const [headingRef, focusHeading] = useFocusLater<HTMLHeadingElement>();
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const name = webhook.description ?? webhook.url;
  const headingId = `webhook-${webhook.id}`;

  const refreshList = () => client.invalidateQueries({ queryKey: webhooksKey });
  const open = (next: Panel) => {
    if (next === 'rotate') {
      rotate.reset();
      setRotateKey(newIdempotencyKey());
    }
    setNotice('');
    setSecret(null);
    setPanel(next);
  };
  /** Closing a panel removes the button pressed in it: focus goes back to the webhook's heading. */
  const close = () => {
    open(null);
    focusHeading();
  };

  const update = useMutation({
    mutationFn: (patch: WebhookPatch) => api.patch<Webhook>(path(webhook), patch),
    onSuccess: (saved, patch) => {
      setPanel(null);
      setNotice(patch.status === 'active' ? `Enabled again: events go to ${saved.url} from now on.` : `Saved: ${saved.events.length === 1 ? 'one kind of event goes' : `${saved.events.length} kinds of events go`} to ${saved.url}.`);
      focusNotice();
      void refreshList();
    },
  });
  const [rotateKey, setRotateKey] = useState(newIdempotencyKey);
  const rotate = useMutation({
    // One key per confirmation: a double click replaces the secret once, so the secret shown is the one in force.
    mutationFn: (key: string) => api.post<{ secret: string }>(`${path(webhook)}/secret`, undefined, key),
    onSuccess: (answer) => {
      setPanel(null);
      setSecret(answer.secret);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete<void>(path(webhook)),
    onSuccess: () => {
      void refreshList();
      onDeleted(webhook);
    },
  });
  const test = useMutation({
    mutationFn: (key: string) => api.post<{ delivery: Delivery }>(`${path(webhook)}/test`, undefined, key),
    onSuccess: (answer) => {
      setNotice(
        webhook.status === 'disabled'
          ? `A test event (webhook-id ${answer.delivery.id}) is queued; it goes out, after what was kept, once the webhook is enabled again.`
          : `A test event (webhook-id ${answer.delivery.id}) is on its way; the delivery log below shows what the receiver answers.`,
      );
      setShowLog(true);
      void client.invalidateQueries({ queryKey: deliveriesKey(webhook.id) });
    },
  });

  return (
    <article className="card webhook" aria-labelledby={headingId}>
      <div className="row webhook-head">
        <h3 id={headingId} className="break-anywhere" ref={headingRef} tabIndex={-1}>
          {name}
        </h3>
        <span className={`badge webhook-${webhook.status}`}>{WEBHOOK_STATUS_LABELS[webhook.status]}</span>
      </div>
      <dl className="facts">
        <dt>Sends to</dt>
        <dd className="break-anywhere">
          <code>{webhook.url}</code>
        </dd>
        <dt>Events</dt>
        <dd>
          {webhook.events.map((type) => (
            <code key={type} className="event-code">
              {type}
            </code>
          ))}
        </dd>
        <dt>Added</dt>
        <dd>
          <Time iso={webhook.createdAt} zone={zone} />
        </dd>
      </dl>

      {webhook.status === 'disabled' && (
        <div className="warning">
          <p>
            Leeway stopped sending to this address
            {webhook.disabledAt && (
              <>
                {' '}
                on <Time iso={webhook.disabledAt} zone={zone} />
              </>
            )}
            {webhook.disabledReason ? `: ${webhook.disabledReason}` : '.'}
          </p>
          <button type="button" className="primary" onClick={() => update.mutate({ status: 'active' })} disabled={update.isPending}>
            {update.isPending ? 'Enabling…' : 'Enable again'}
            <span className="visually-hidden"> {name}</span>
          </button>
        </div>
      )}

      <div className="row action-bar">
        <button type="button" onClick={() => test.mutate(newIdempotencyKey())} disabled={test.isPending}>
          {test.isPending ? 'Sending…' : 'Send test event'}
          <span className="visually-hidden"> to {name}</span>
        </button>
        <button type="button" aria-expanded={showLog} aria-controls={`${headingId}-log`} onClick={() => setShowLog(!showLog)}>
          {showLog ? 'Hide the delivery log' : 'Show the delivery log'}
          <span className="visually-hidden"> of {name}</span>
        </button>
        <button type="button" aria-pressed={panel === 'edit'} onClick={() => open(panel === 'edit' ? null : 'edit')}>
          Change<span className="visually-hidden"> {name}</span>
        </button>
        <button type="button" aria-pressed={panel === 'rotate'} onClick={() => open(panel === 'rotate' ? null : 'rotate')}>
          Replace the secret<span className="visually-hidden"> of {name}</span>
        </button>
        <button type="button" aria-pressed={panel === 'delete'} onClick={() => open(panel === 'delete' ? null : 'delete')}>
          Delete<span className="visually-hidden"> {name}</span>
        </button>
      </div>

      <div aria-live="polite">
        {notice && (
          <p className="success" ref={noticeRef} tabIndex={-1}>
            {notice}
          </p>
        )}
      </div>
      <ProblemMessage error={test.error ?? (panel === null ? update.error : null)} />

      {secret && (
        <div className="success-panel">
          <FocusHeading level={3}>New signing secret</FocusHeading>
          <OneTimeSecret
            label="Signing secret"
            secret={secret}
            use="Put it in your receiver now. For the next 24 hours every event is signed with both the old and the new secret, so the receiver can switch without losing one."
            onDone={() => {
              setSecret(null);
              focusHeading();
            }}
          />
        </div>
      )}

      {panel === 'edit' && (
        <section className="card action-panel" aria-labelledby={`${headingId}-edit`}>
          <FocusHeading level={3} id={`${headingId}-edit`}>
            Change {name}
          </FocusHeading>
          <WebhookForm
            initial={{ url: webhook.url, description: webhook.description ?? '', events: webhook.events }}
            submitLabel="Save changes"
            pendingLabel="Saving…"
            pending={update.isPending}
            error={update.error}
            onSubmit={(input) => update.mutate({ url: input.url, events: input.events, description: input.description ?? null })}
            onCancel={close}
          />
        </section>
      )}
      {panel === 'rotate' && (
        <ConfirmStep
          question={`Replace the signing secret of ${name}?`}
          confirmLabel="Replace the secret"
          pendingLabel="Replacing…"
          pending={rotate.isPending}
          error={rotate.error}
          onConfirm={() => rotate.mutate(rotateKey)}
          onCancel={close}
        >
          <p>The new secret is shown once. The old one keeps signing alongside it for 24 hours, then stops.</p>
        </ConfirmStep>
      )}
      {panel === 'delete' && (
        <ConfirmStep
          question={`Delete the webhook ${name}?`}
          confirmLabel="Delete the webhook"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error}
          danger
          onConfirm={() => remove.mutate()}
          onCancel={close}
        >
          <p>No more events go to {webhook.url}, including retries still waiting. This cannot be undone.</p>
        </ConfirmStep>
      )}

      <div id={`${headingId}-log`} hidden={!showLog}>
        {showLog && (
          <>
            <h4>Delivery log</h4>
            <DeliveryLog webhookId={webhook.id} label={`Deliveries to ${name}`} zone={zone} />
          </>
        )}
      </div>
    </article>
  );
}
