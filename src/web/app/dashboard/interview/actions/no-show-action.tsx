import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Interview } from '../../../api/interview-types.ts';
import { STATUS_PHRASES } from '../../shared/vocabulary.ts';
import { ActionFlow } from './action-flow.tsx';
import type { ActionProps } from './action-types.ts';
import { useActionPreview } from './use-action-preview.ts';
import { toldFromPlan } from './who-is-told.ts';

/** Either side can fail to come: the candidate, or a named panelist (the employer's no-shows count too). */
export function NoShowAction({ interview, refresh, onDone, onClose }: ActionProps) {
  const [who, setWho] = useState('');
  const panel = interview.panelMembers ?? [];
  const party = who === 'candidate' ? 'candidate' : 'interviewer';
  const memberName = panel.find((m) => m.id === who)?.name;
  const body = who === '' ? null : party === 'candidate' ? { party } : { party, memberId: who };
  const preview = useActionPreview(interview.id, 'no-show', body);
  return (
    <ActionFlow
      title="Mark a no-show"
      ready={who !== ''}
      fields={
        <fieldset>
          <legend>Who did not come?</legend>
          <label className="inline">
            <input type="radio" name="no-show" value="candidate" checked={who === 'candidate'} onChange={() => setWho('candidate')} />
            The candidate, {interview.candidate?.name ?? ''}
          </label>
          {panel.map((member) => (
            <label key={member.id} className="inline">
              <input type="radio" name="no-show" value={member.id} checked={who === member.id} onChange={() => setWho(member.id)} />
              Panelist {member.name}
            </label>
          ))}
        </fieldset>
      }
      review={<p>Record that {who === 'candidate' ? `the candidate, ${interview.candidate?.name ?? ''},` : `panelist ${memberName ?? ''}`} did not come. The interview ends as a no-show.</p>}
      told={toldFromPlan(preview.data?.told ?? [])}
      toldState={preview}
      confirmLabel="Mark the no-show"
      danger
      run={async (key) => {
        const updated = await api.post<Interview>(`/api/v1/interviews/${interview.id}/no-show`, body, key);
        await refresh();
        return `Recorded: ${who === 'candidate' ? 'the candidate' : (memberName ?? 'the panelist')} did not come. The interview is now ${STATUS_PHRASES[updated.status]}.`;
      }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
