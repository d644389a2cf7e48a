import { useState } from 'react';
import type { CandidateActionResult } from '../../api/candidate-types.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { useLinkAction } from '../use-link.ts';
import type { PanelProps } from './panel-props.ts';
import { ReasonPicker } from './reason-picker.tsx';

interface ExcuseBody {
  reason: string;
  note: string | null;
}

/** Marked absent because of an emergency: say so (within 48 hours), and the record says it too. */
export function ExcusePanel({ token, view, onDone }: PanelProps) {
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const excuse = useLinkAction<CandidateActionResult, ExcuseBody>(token, '/excuse-no-show', (result) => onDone({ action: 'excuse_no_show', result }));
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason) excuse.mutate({ reason, note: note.trim() || null });
      }}
    >
      <ReasonPicker reasons={view.vocabulary.reasons} value={reason} onChange={setReason} legend="What kept you away?" emergencyOnly />
      <label>
        A private note for your own record (optional, never shared)
        <textarea rows={3} maxLength={5000} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!reason || excuse.isPending}>
          Send
        </button>
      </div>
      <ProblemMessage error={excuse.error} />
    </form>
  );
}
