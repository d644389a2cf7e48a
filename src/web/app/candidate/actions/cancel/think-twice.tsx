import type { CandidateActionResult, CandidateView } from '../../../api/candidate-types.ts';
import { formatDateTime } from '../../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../../ui/problem.tsx';
import type { Done } from '../../confirmation/confirmation.tsx';
import { useFreeTimes, useLinkAction } from '../../use-link.ts';

/**
 * Before a cancellation, a moment to think twice: the nearest times the whole panel is free within the
 * candidate's hours, each one click away. Moving keeps the interview; cancelling is still one step on.
 */
export function ThinkTwice({ token, view, onDone, onContinue }: { token: string; view: CandidateView; onDone: (done: Done) => void; onContinue: () => void }) {
  const times = useFreeTimes(token, 'nearest', 3);
  const move = useLinkAction<CandidateActionResult, { start: string }>(token, '/reschedule', (result) => onDone({ action: 'reschedule', result }));
  const zone = view.interview.candidateTimezone;
  return (
    <div className="stack">
      <p>Would a different time work instead? Moving keeps your interview, and the panel is free at these times within your hours:</p>
      {times.isPending && <Loading what="the nearest free times" />}
      {times.isError && <ProblemMessage error={times.error} />}
      {times.data && times.data.length === 0 && <p className="muted">The panel has no free time within your hours in the next two weeks.</p>}
      {times.data && times.data.length > 0 && (
        <ul className="time-buttons" aria-label="Nearest free times">
          {times.data.map((time) => (
            <li key={time.start}>
              <button
                type="button"
                disabled={move.isPending}
                onClick={() => move.mutate({ start: time.start })}
              >
                Move it to {formatDateTime(time.start, zone)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {move.isPending && <p role="status">Moving your interview…</p>}
      <ProblemMessage error={move.error} />
      <div className="row">
        <button type="button" className="primary" onClick={onContinue}>
          No, I need to cancel
        </button>
      </div>
    </div>
  );
}
