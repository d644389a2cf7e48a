import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { WebhookInput } from '../../api/webhook-types.ts';
import { FieldErrorMap, FieldErrorText, FormProblem } from '../../ui/field-errors.tsx';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useEventTypes } from './use-webhooks.ts';

/** Listed among the event types, but sent only by "Send test event": the server refuses it as a subscription. */

export interface WebhookDraft {
  url: string;
  description: string;
  events: string[];
}

export const EMPTY_WEBHOOK: WebhookDraft = { url: '', description: '', events: [] };

/**
 * Where to send events and which ones: the address, a description for people, and the events as
 * checkboxes with the server's own description of each. The server checks the address (a private or
 * loopback one is refused) and says what is wrong with every field at once.
 */
export function WebhookForm({
  initial,
  submitLabel,
  pendingLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: WebhookDraft;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: WebhookInput) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const eventTypes = useEventTypes();
  const errors = new FieldErrorMap(error);
  const urlErrors = errors.at('url');
  const eventErrors = errors.at('events', true);
  const descriptionErrors = errors.at('description');
  const all = (eventTypes.data?.eventTypes ?? []).filter((e) => e.subscribable);
  const chosen = new Set(draft.events);
  const toggle = (type: string, on: boolean) =>
    setDraft({ ...draft, events: on ? all.map((e) => e.type).filter((t) => t === type || chosen.has(t)) : draft.events.filter((t) => t !== type) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const description = draft.description.trim();
    onSubmit({ url: draft.url.trim(), events: draft.events, ...(description ? { description } : {}) });
  };

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <FormProblem error={error} unplaced={errors.outside(['url', 'events', 'description'])} />
      <div className="field">
        <label htmlFor={`${id}-url`}>Address (URL) that receives the events</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          placeholder="https://example.com/leeway-events"
          value={draft.url}
          onChange={(e) => setDraft({ ...draft, url: e.target.value })}
          aria-invalid={urlErrors.length > 0 || undefined}
          aria-describedby={`${id}-url-hint${urlErrors.length ? ` ${id}-url-error` : ''}`}
        />
        <span id={`${id}-url-hint`} className="hint">
          Leeway sends each event as a signed POST. Addresses on a private network or this machine are refused unless the server allows them.
        </span>
        <FieldErrorText id={`${id}-url-error`} messages={urlErrors} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <input
          id={`${id}-description`}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          aria-invalid={descriptionErrors.length > 0 || undefined}
          aria-describedby={descriptionErrors.length ? `${id}-description-error` : undefined}
        />
        <FieldErrorText id={`${id}-description-error`} messages={descriptionErrors} />
      </div>
      <fieldset aria-describedby={eventErrors.length ? `${id}-events-error` : undefined} aria-invalid={eventErrors.length > 0 || undefined}>
        <legend>Events to send</legend>
        {eventTypes.isPending && <Loading what="the kinds of events" />}
        <ProblemMessage error={eventTypes.error} />
        {all.length > 0 && (
          <>
            <div className="row small">
              <button type="button" className="link-button" onClick={() => setDraft({ ...draft, events: all.map((e) => e.type) })}>
                Choose every event
              </button>
              <button type="button" className="link-button" onClick={() => setDraft({ ...draft, events: [] })}>
                Choose none
              </button>
            </div>
            <div className="checkbox-grid event-grid">
              {all.map((eventType) => (
                <label key={eventType.type} className="inline event-choice">
                  <input type="checkbox" checked={chosen.has(eventType.type)} onChange={(e) => toggle(eventType.type, e.target.checked)} />
                  <span>
                    <code>{eventType.type}</code>
                    <span className="block muted small">{eventType.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </>
        )}
        <FieldErrorText id={`${id}-events-error`} messages={eventErrors} />
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
