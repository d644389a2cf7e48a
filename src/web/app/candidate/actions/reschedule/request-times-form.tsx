import { useState } from 'react';
import type { CandidateActionResult } from '../../../api/candidate-types.ts';
import { ProblemMessage } from '../../../ui/problem.tsx';
import type { Done } from '../../confirmation/confirmation.tsx';
import { useLinkAction } from '../../use-link.ts';

interface RequestBody {
  requestNewTimes: true;
  note: string | null;
}

/** None of the times suits: ask the recruiting team for others, with a note they will read. */
export function RequestTimesForm({ token, booked, onDone }: { token: string; booked: boolean; onDone: (done: Done) => void }) {
  const [note, setNote] = useState('');
  const ask = useLinkAction<CandidateActionResult, RequestBody>(token, '/reschedule', (result) => onDone({ action: 'request_times', result }));
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        ask.mutate({ requestNewTimes: true, note: note.trim() || null });
      }}
    >
      <label>
        A note for the recruiting team (optional): which days or times would suit you
        <textarea rows={3} maxLength={5000} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <p className="muted">{booked ? 'Your current time is given up, and new times are offered to you.' : 'New times are offered to you.'}</p>
      <div className="row">
        <button type="submit" disabled={ask.isPending}>
          {ask.isPending ? 'Asking…' : 'Ask for other times'}
        </button>
      </div>
      <ProblemMessage error={ask.error} />
    </form>
  );
}
