import { useState } from 'react';
import type { CandidateActionResult } from '../../api/candidate-types.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { useLinkAction } from '../use-link.ts';
import type { PanelProps } from './panel-props.ts';
import { TimePicker } from './reschedule/time-picker.tsx';

/** Picking one of the times the recruiting team offered (still free: the server checked them). */
export function AcceptPanel({ token, view, onDone }: PanelProps) {
  const [start, setStart] = useState<string | null>(null);
  const accept = useLinkAction<CandidateActionResult, { start: string }>(token, '/accept', (result) => onDone({ action: 'accept', result }));
  const offered = view.offeredSlots ?? [];
  if (offered.length === 0) return <p>None of the offered times is still free. Pick another time, or ask for other times.</p>;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (start) accept.mutate({ start });
      }}
    >
      <TimePicker times={offered} zone={view.interview.candidateTimezone} value={start} onChange={setStart} legend="Offered times" />
      <div className="row">
        <button type="submit" className="primary" disabled={!start || accept.isPending}>
          {accept.isPending ? 'Booking…' : 'Book this time'}
        </button>
      </div>
      <ProblemMessage error={accept.error} />
    </form>
  );
}
