import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { ProblemMessage } from '../../ui/problem.tsx';

/**
 * A second step before something that cannot be taken back (removing, replacing a secret): the question
 * takes focus, so a keyboard or screen-reader user hears what will happen before choosing. Inline rather
 * than `window.confirm`, so the consequences can be said in full and the server's refusal shown in place.
 */
export function ConfirmStep({
  question,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  danger = false,
  onConfirm,
  onCancel,
}: {
  question: string;
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="confirm-step" role="group" aria-label={question}>
      <p ref={ref} tabIndex={-1} className="confirm-question">
        {question}
      </p>
      {children}
      <ProblemMessage error={error} />
      <div className="row">
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={pending}>
          Keep it as it is
        </button>
      </div>
    </div>
  );
}
