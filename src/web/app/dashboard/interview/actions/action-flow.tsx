import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { newIdempotencyKey as newKey } from '../../../api/idempotency-key.ts';
import { Loading, ProblemMessage } from '../../../ui/problem.tsx';
import type { Told } from './who-is-told.ts';
import { useFocusOn } from './use-focus.ts';


export interface ActionFlowProps {
  title: string;
  /** The fields of the action; may be empty (complete). */
  fields: ReactNode;
  /** Whether the fields are complete enough to review. */
  ready: boolean;
  /** What will be done, restated on the confirmation step. */
  review: ReactNode;
  /** Who will be told; empty when the action only records. */
  told: Told[] | null;
  /** Said instead of the list when nobody is emailed. */
  silence?: string;
  /** When the list comes from the server: still asking, or refused (the action would be refused too). */
  toldState?: { isPending: boolean; error: unknown };
  confirmLabel: string;
  danger?: boolean;
  /** Performs the action with an idempotency key; resolves to what happened, in words from the API's answer. */
  run: (idempotencyKey: string) => Promise<string>;
  /** Called once the page's data has been read again. */
  onDone: (summary: string) => void;
  onClose: () => void;
}

/**
 * One action at a time, in two steps: the fields, then a confirmation that restates what will be done
 * and who will be told. Focus moves to each step's heading.
 */
export function ActionFlow(props: ActionFlowProps) {
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  // One key per confirmation: a double click or a retry after a network blip counts once.
  const [key, setKey] = useState(newKey);
  const heading = useFocusOn<HTMLHeadingElement>(step);
  const mutation = useMutation({ mutationFn: () => props.run(key), onSuccess: (summary) => props.onDone(summary) });
  // Until the server has said who would be told, there is nothing to confirm; if it refused the
  // preview it would refuse the action too, for the reason it gives.
  const previewBlocks = Boolean(props.toldState && (props.toldState.isPending || props.toldState.error));

  const toConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (!props.ready) return;
    setKey(newKey());
    mutation.reset();
    setStep('confirm');
  };

  if (step === 'edit') {
    return (
      <section className="card action-panel" aria-labelledby="action-heading">
        <h3 id="action-heading" tabIndex={-1} ref={heading}>
          {props.title}
        </h3>
        <form className="stack" onSubmit={toConfirm}>
          {props.fields}
          <div className="row">
            <button type="submit" className="primary" disabled={!props.ready}>
              Review
            </button>
            <button type="button" onClick={props.onClose}>
              Close
            </button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section className="card action-panel confirm" aria-labelledby="confirm-heading">
      <h3 id="confirm-heading" tabIndex={-1} ref={heading}>
        Confirm: {props.title.toLowerCase()}
      </h3>
      <div className="stack">
        {props.review}
        <div>
          <p className="told-heading">
            <strong>Who will be told</strong>
          </p>
          {props.toldState?.isPending ? (
            <Loading what="who will be told" />
          ) : props.toldState?.error ? (
            <ProblemMessage error={props.toldState.error} />
          ) : props.told && props.told.length > 0 ? (
            <ul className="told">
              {props.told.map((told) => (
                <li key={told.who}>
                  <strong>{told.who}</strong>: {told.gets}.
                </li>
              ))}
            </ul>
          ) : (
            <p>{props.silence ?? 'Nobody is emailed: this is only recorded in the history.'}</p>
          )}
        </div>
        <ProblemMessage error={mutation.error} />
        <div className="row">
          <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={() => mutation.mutate()} disabled={mutation.isPending || previewBlocks}>
            {mutation.isPending ? 'Working…' : props.confirmLabel}
          </button>
          <button type="button" onClick={() => setStep('edit')} disabled={mutation.isPending}>
            Back
          </button>
        </div>
      </div>
    </section>
  );
}
