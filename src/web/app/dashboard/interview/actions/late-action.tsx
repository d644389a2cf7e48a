import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ActionFlow } from './action-flow.tsx';
import type { ActionProps } from './action-types.ts';

/** Lateness by either side, in minutes: the organization's record, news for nobody. */
export function LateAction({ interview, refresh, onDone, onClose }: ActionProps) {
  const [who, setWho] = useState('');
  const [minutes, setMinutes] = useState('10');
  const panel = interview.panelMembers ?? [];
  const name = who === 'candidate' ? `the candidate, ${interview.candidate?.name ?? ''}` : (panel.find((m) => m.id === who)?.name ?? '');
  const valid = who !== '' && /^\d+$/.test(minutes) && Number(minutes) >= 1 && Number(minutes) <= 240;
  return (
    <ActionFlow
      title="Mark someone late"
      ready={valid}
      fields={
        <>
          <fieldset>
            <legend>Who was late?</legend>
            <label className="inline">
              <input type="radio" name="late" value="candidate" checked={who === 'candidate'} onChange={() => setWho('candidate')} />
              The candidate, {interview.candidate?.name ?? ''}
            </label>
            {panel.map((member) => (
              <label key={member.id} className="inline">
                <input type="radio" name="late" value={member.id} checked={who === member.id} onChange={() => setWho(member.id)} />
                Panelist {member.name}
              </label>
            ))}
          </fieldset>
          <label>
            Minutes late (1 to 240)
            <input type="number" inputMode="numeric" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
          </label>
        </>
      }
      review={
        <p>
          Record that {name} was {minutes} min late. The interview itself stays as it is.
        </p>
      }
      told={null}
      silence="Nobody is emailed: lateness is only recorded in the history, and counted for either side alike."
      confirmLabel="Record the lateness"
      run={async (key) => {
        const body = who === 'candidate' ? { party: 'candidate', minutes: Number(minutes) } : { party: 'interviewer', memberId: who, minutes: Number(minutes) };
        await api.post(`/api/v1/interviews/${interview.id}/late`, body, key);
        await refresh();
        return `Recorded: ${name} was ${minutes} min late.`;
      }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
