import type { CandidateView, Notice } from '../../../api/candidate-types.ts';
import { useComposedDraft } from '../../compose/use-draft.ts';
import { CallScript } from './call-script.tsx';
import { formatPhonesIn } from '../../format-phone.ts';

/**
 * At late notice an email alone is not enough: the coordinator's number and a short script, and the
 * candidate says whether they called (recorded with the cancellation). They can still send without.
 */
export function CallFirstStep({
  token,
  reason,
  callFirst,
  notice,
  calledAhead,
  onCalledAhead,
}: {
  token: string;
  reason: string;
  callFirst: NonNullable<CandidateView['callFirst']>;
  notice: Notice | null;
  calledAhead: boolean;
  onCalledAhead: (called: boolean) => void;
}) {
  // The composer's script names the reason chosen (the same draft as the step before, from the cache).
  const draft = useComposedDraft(token, { action: 'cancel', reason });
  const script = draft.data?.phoneScript ?? callFirst.script;
  return (
    <div className="stack">
      {notice && <p>{formatPhonesIn(notice.advice.text)}</p>}
      <CallScript phone={callFirst.phone} tel={callFirst.tel} script={script} heading="Call the coordinator" />
      <label className="inline">
        <input type="checkbox" checked={calledAhead} onChange={(event) => onCalledAhead(event.target.checked)} />
        I have called the coordinator
      </label>
      {calledAhead ? (
        <p className="muted">Your written message follows the call, so there is a record of it.</p>
      ) : (
        <p className="warning" id="uncalled-note">
          Not calling? You can still send. Check that your message does not say you called or are calling.
        </p>
      )}
    </div>
  );
}
