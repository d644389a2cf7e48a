import type { Interview } from '../../api/interview-types.ts';
import { useMinute } from '../shared/use-minute.ts';
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

/**
 * The actions an interview allows as it stands (the server still checks each one): a scheduled
 * interview can be moved until it starts, and only once it has started can anyone be absent, late,
 * or the interview end.
 */
export function availableActions(interview: Interview, now: number): ActionKind[] {
  if (interview.status === 'scheduled') {
    const started = interview.start !== null && now >= Date.parse(interview.start);
    return started ? ['cancel', 'no-show', 'late', 'end-early', 'complete'] : ['reschedule', 'cancel'];
  }
  if (interview.status === 'invited') return ['reschedule', 'cancel'];
  return [];
}

/** One button per action; the open one is marked pressed. */
export function ActionBar({ interview, open, onOpen }: { interview: Interview; open: string | null; onOpen: (kind: ActionKind) => void }) {
  const now = useMinute();
  const actions = availableActions(interview, now);
  if (actions.length === 0) {
    return <p className="muted">This interview is {STATUS_PHRASES[interview.status]}: nothing more can be changed. Its history and emails stay below.</p>;
  }
  return (
    <>
      <div className="row action-bar">
        {actions.map((kind) => (
          <button key={kind} type="button" aria-pressed={open === kind} onClick={() => onOpen(kind)}>
            {kind === 'reschedule' && interview.status === 'invited' ? 'Set a time' : LABELS[kind]}
          </button>
        ))}
      </div>
      {!actions.includes('no-show') && interview.status === 'scheduled' && (
        <p className="muted">A no-show, lateness or an early end can be recorded once the interview has started.</p>
      )}
    </>
  );
}
