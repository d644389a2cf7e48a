import { useMemo, useState } from 'react';
import type { CandidateActionResult, Referral } from '../../../api/candidate-types.ts';
import { ProblemMessage } from '../../../ui/problem.tsx';
import { DraftEditor } from '../../compose/draft-editor.tsx';
import { useLinkAction } from '../../use-link.ts';
import type { PanelProps } from '../panel-props.ts';
import { ReasonPicker } from '../reason-picker.tsx';
import { StepHeading } from '../step-heading.tsx';
import { ReferralFields } from './referral-fields.tsx';

interface LeaveBody {
  reason: string;
  message: string | null;
  keepInTouch?: boolean;
  referral?: Referral | null;
}

const WORDS = {
  decline: { legend: 'Why are you declining?', send: 'Send and decline', sending: 'Declining…' },
  withdraw: { legend: 'Why are you withdrawing?', send: 'Send and withdraw', sending: 'Withdrawing…' },
};

/**
 * Declining an invitation or withdrawing from the whole process, with the same composer: a reason
 * category, whether to keep in touch, for a decline someone to refer, then the reviewed message.
 */
export function LeaveFlow({ token, view, onDone, action }: PanelProps & { action: 'decline' | 'withdraw' }) {
  const [step, setStep] = useState<'choices' | 'message'>('choices');
  const [reason, setReason] = useState<string | null>(null);
  const [keepInTouch, setKeepInTouch] = useState(true);
  const [referral, setReferral] = useState<Referral>({ name: '', email: '' });
  const [text, setText] = useState('');
  const submit = useLinkAction<CandidateActionResult, LeaveBody>(token, `/${action}`, (result, body) =>
    onDone({ action, result, referral: body.referral ?? null }),
  );
  const name = referral.name.trim();
  const email = referral.email.trim();
  const referred = useMemo(() => (action === 'decline' && name !== '' && email !== '' ? { name, email } : null), [action, name, email]);
  const choices = useMemo(() => ({ action, reason, keepInTouch, ...(referred ? { referral: referred } : {}) }), [action, reason, keepInTouch, referred]);
  const words = WORDS[action];
  // A referral is a name and an email together; half of one is pointed out, never silently dropped.
  const partial = action === 'decline' && (name === '') !== (email === '');

  const send = () => {
    if (!reason) return;
    submit.mutate({ reason, message: text.trim() || null, ...(action === 'decline' ? { keepInTouch, referral: referred } : {}) });
  };

  return (
    <div className="flow">
      {step === 'choices' && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason && !partial) setStep('message');
          }}
        >
          <StepHeading step={1} of={2}>Your reason</StepHeading>
          <ReasonPicker reasons={view.vocabulary.reasons} value={reason} onChange={setReason} legend={words.legend} />
          <label className="inline">
            <input type="checkbox" checked={keepInTouch} onChange={(event) => setKeepInTouch(event.target.checked)} />
            Keep in touch about future roles at {view.interview.organization.name}
          </label>
          {action === 'decline' && <ReferralFields value={referral} onChange={setReferral} />}
          {partial && <p className="warning">To refer someone, give both their name and their email (or leave both empty).</p>}
          <div className="row">
            <button type="submit" className="primary" disabled={!reason || partial}>
              Continue
            </button>
          </div>
        </form>
      )}
      {step === 'message' && reason && (
        <div className="stack">
          <StepHeading step={2} of={2}>Your message</StepHeading>
          <DraftEditor token={token} choices={{ ...choices, reason }} calledAhead={false} text={text} onText={setText} />
          <div className="row">
            <button type="button" className="link-button" onClick={() => setStep('choices')}>
              Back to your choices
            </button>
            <button type="button" className="danger" onClick={send} disabled={submit.isPending}>
              {submit.isPending ? words.sending : words.send}
            </button>
          </div>
        </div>
      )}
      <ProblemMessage error={submit.error} />
    </div>
  );
}
