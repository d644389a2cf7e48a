import { useState } from 'react';
import type { CandidateActionResult } from '../../../api/candidate-types.ts';
import { Loading, ProblemMessage } from '../../../ui/problem.tsx';
import { useFreeTimes, useLinkAction } from '../../use-link.ts';
import type { PanelProps } from '../panel-props.ts';
import { HoursForm } from './hours-form.tsx';
import { RequestTimesForm } from './request-times-form.tsx';
import { TimePicker } from './time-picker.tsx';

/**
 * Moving the interview (or, for an invitation, picking any free time): the times the whole panel is free
 * within the candidate's hours, in their zone. If none suits, they can state their hours or ask for others.
 */
export function ReschedulePanel({ token, view, onDone }: PanelProps) {
  const [start, setStart] = useState<string | null>(null);
  const booked = view.interview.status === 'scheduled';
  const times = useFreeTimes(token, 'spread', 8);
  const move = useLinkAction<CandidateActionResult, { start: string }>(token, '/reschedule', (result) =>
    onDone({ action: booked ? 'reschedule' : 'accept', result }),
  );
  const zone = view.interview.candidateTimezone;
  return (
    <div className="stack">
      {times.isPending && <Loading what="free times" />}
      {times.isError && <ProblemMessage error={times.error} />}
      {times.data && times.data.length === 0 && <p>The panel has no free time within your hours in the next two weeks. State other hours, or ask for other times.</p>}
      {times.data && times.data.length > 0 && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (start) move.mutate({ start });
          }}
        >
          <TimePicker times={times.data} zone={zone} value={start} onChange={setStart} legend="Times the panel is free within your hours" />
          <div className="row">
            <button type="submit" className="primary" disabled={!start || move.isPending}>
              {move.isPending ? 'Moving…' : booked ? 'Move to this time' : 'Book this time'}
            </button>
          </div>
          <ProblemMessage error={move.error} />
        </form>
      )}
      <details className="more">
        <summary>Your hours</summary>
        <HoursForm token={token} view={view} />
      </details>
      <details className="more">
        <summary>None of these times suits me</summary>
        <RequestTimesForm token={token} booked={booked} onDone={onDone} />
      </details>
    </div>
  );
}
