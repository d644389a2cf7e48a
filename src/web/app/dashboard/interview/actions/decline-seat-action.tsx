import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { SeatOutcome } from '../../../api/interview-types.ts';
import { formatDateTime } from '../../../ui/format-time.ts';
import { ActionFlow } from './action-flow.tsx';
import type { ActionProps } from './action-types.ts';
import { toldOnSeatDecline } from './who-is-told.ts';

/** What became of the seat, in the words of the API's answer. */
function outcomeText(outcome: SeatOutcome, memberName: string, zone: string): string {
  switch (outcome.outcome) {
    case 'replaced':
      return `${outcome.replacement.name} took ${memberName}’s seat at the same time.`;
    case 'proposed':
      return `Nobody could take ${memberName}’s seat at that time, so nothing moved. The recruiting team was emailed ${outcome.proposals.length} other ${
        outcome.proposals.length === 1 ? 'time' : 'times'
      }: ${outcome.proposals.map((p) => `${formatDateTime(p.start, zone)} with ${p.standIn.name}`).join('; ')}.`;
    case 'coordinator':
      return `${memberName}’s seat was handed to the recruiting team to settle, so nothing moved.`;
  }
}

/** A panelist cannot come: decline their seat for them; a stand-in takes it, or the recruiting team settles it. */
export function DeclineSeatAction({ interview, zone, memberId, refresh, onDone, onClose }: ActionProps & { memberId: string }) {
  const [reason, setReason] = useState('');
  const member = (interview.seats ?? interview.panelMembers ?? []).find((m) => m.id === memberId);
  const name = member?.name ?? 'the panelist';
  return (
    <ActionFlow
      title={`Decline ${name}’s seat`}
      ready
      fields={
        <>
          <p>For when {name} cannot come and has told you rather than declining through their own link.</p>
          <label>
            Their reason (optional; kept in the history, never put in anyone’s email)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
          </label>
        </>
      }
      review={<p>Decline {name}’s seat on {interview.title} with {interview.candidate?.name ?? 'the candidate'}. Leeway looks for a free stand-in from their pools first.</p>}
      told={toldOnSeatDecline(interview, name)}
      confirmLabel="Decline the seat"
      danger
      run={async (key) => {
        const outcome = await api.post<SeatOutcome>(
          `/api/v1/interviews/${interview.id}/panel/${memberId}/decline`,
          reason.trim() ? { reason: reason.trim() } : {},
          key,
        );
        await refresh();
        return outcomeText(outcome, name, zone);
      }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
