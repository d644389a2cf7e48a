import type { Interview } from '../../api/interview-types.ts';
import { STATUS_PHRASES } from '../shared/vocabulary.ts';

export type ActionKind = 'reschedule' | 'cancel' | 'no-show' | 'late' | 'end-early' | 'complete';

const LABELS: Record<ActionKind, string> = {
  reschedule: 'Reschedule',
  cancel: 'Cancel',
  'no-show': 'Mark a no-show',
  late: 'Mark someone late',
  'end-early': 'End early',
  complete: 'Mark as completed',
};

/** The actions an interview allows as it stands (the server still checks each one). */
export function availableActions(interview: Interview): ActionKind[] {
  if (interview.status === 'scheduled') return ['reschedule', 'cancel', 'no-show', 'late', 'end-early', 'complete'];
  if (interview.status === 'invited') return ['reschedule', 'cancel'];
  return [];
}

/** One button per action; the open one is marked pressed. */
export function ActionBar({ interview, open, onOpen }: { interview: Interview; open: string | null; onOpen: (kind: ActionKind) => void }) {
  const actions = availableActions(interview);
  if (actions.length === 0) {
    return <p className="muted">This interview is {STATUS_PHRASES[interview.status]}: nothing more can be changed. Its history and emails stay below.</p>;
  }
  return (
    <div className="row action-bar">
      {actions.map((kind) => (
        <button key={kind} type="button" aria-pressed={open === kind} onClick={() => onOpen(kind)}>
          {kind === 'reschedule' && interview.status === 'invited' ? 'Set a time' : LABELS[kind]}
        </button>
      ))}
    </div>
  );
}
