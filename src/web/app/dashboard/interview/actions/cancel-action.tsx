import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { EMPLOYER_REASON_CODES } from '../../../api/interview-types.ts';
import type { Interview } from '../../../api/interview-types.ts';
import { reasonLabel, STATUS_PHRASES } from '../../shared/vocabulary.ts';
import { ActionFlow } from './action-flow.tsx';
import type { ActionProps } from './action-types.ts';
import { useActionPreview } from './use-action-preview.ts';
import { NoticeAdvice } from './notice-advice.tsx';
import { toldFromPlan } from './who-is-told.ts';

/** Cancel on the employer's side: a reason category shared with the candidate, a private note that is not. */
export function CancelAction({ interview, refresh, onDone, onClose }: ActionProps) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const preview = useActionPreview(interview.id, 'cancel', reason ? { reason } : null);
  return (
    <ActionFlow
      title="Cancel the interview"
      ready={reason !== ''}
      fields={
        <>
          <label>
            Reason (shared with the candidate as a category)
            <select value={reason} onChange={(e) => setReason(e.target.value)} required>
              <option value="">Choose a reason…</option>
              {EMPLOYER_REASON_CODES.map((code) => (
                <option key={code} value={code}>
                  {reasonLabel(code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Private note (optional; kept for your team, never sent)
            <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} />
          </label>
        </>
      }
      review={
        <>
          <p>
            Cancel <strong>{interview.title}</strong> with {interview.candidate?.name ?? 'the candidate'}, because: {reason ? reasonLabel(reason) : ''}.
            {note.trim() && ' Your private note is kept in the history only.'}
          </p>
          <NoticeAdvice notice={preview.data?.notice} />
        </>
      }
      told={toldFromPlan(preview.data?.told ?? [])}
      toldState={preview}
      confirmLabel="Cancel the interview"
      danger
      run={async (key) => {
        const updated = await api.post<Interview>(`/api/v1/interviews/${interview.id}/cancel`, { reason, ...(note.trim() ? { note: note.trim() } : {}) }, key);
        await refresh();
        return `The interview is now ${STATUS_PHRASES[updated.status]}.`;
      }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
