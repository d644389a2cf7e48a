import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Interview } from '../../../api/interview-types.ts';
import { STATUS_PHRASES } from '../../shared/vocabulary.ts';
import { ActionFlow } from './action-flow.tsx';
import type { ActionProps } from './action-types.ts';

/** The interview took place in full. */
export function CompleteAction({ interview, refresh, onDone, onClose }: ActionProps) {
  return (
    <ActionFlow
      title="Mark as completed"
      ready
      fields={<p>The interview took place as planned.</p>}
      review={<p>Mark {interview.title} with {interview.candidate?.name ?? 'the candidate'} as completed.</p>}
      told={null}
      confirmLabel="Mark as completed"
      run={async (key) => {
        const updated = await api.post<Interview>(`/api/v1/interviews/${interview.id}/complete`, undefined, key);
        await refresh();
        return `The interview is now ${STATUS_PHRASES[updated.status]}.`;
      }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}

/**
 * Ending early is legitimate (disrespect, inappropriate questions): who ended it and a short reason are
 * recorded; a note stays private.
 */
export function EndEarlyAction({ interview, refresh, onDone, onClose }: ActionProps) {
  const [by, setBy] = useState<'candidate' | 'interviewer' | ''>('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  return (
    <ActionFlow
      title="End early"
      ready={by !== '' && reason.trim() !== ''}
      fields={
        <>
          <fieldset>
            <legend>Who ended it?</legend>
            <label className="inline">
              <input type="radio" name="ended-by" checked={by === 'candidate'} onChange={() => setBy('candidate')} />
              The candidate
            </label>
            <label className="inline">
              <input type="radio" name="ended-by" checked={by === 'interviewer'} onChange={() => setBy('interviewer')} />
              The interviewer
            </label>
          </fieldset>
          <label>
            Reason, in a few words
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={100} required />
          </label>
          <label>
            Private note (optional; kept for your team, never sent)
            <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} rows={3} />
          </label>
        </>
      }
      review={
        <p>
          Record that the {by === 'candidate' ? 'candidate' : 'interviewer'} ended the interview early, because: “{reason.trim()}”.
        </p>
      }
      told={null}
      confirmLabel="End early"
      danger
      run={async (key) => {
        const body = { by, reason: reason.trim(), ...(note.trim() ? { note: note.trim() } : {}) };
        const updated = await api.post<Interview>(`/api/v1/interviews/${interview.id}/end-early`, body, key);
        await refresh();
        return `The interview is now ${STATUS_PHRASES[updated.status]}.`;
      }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
