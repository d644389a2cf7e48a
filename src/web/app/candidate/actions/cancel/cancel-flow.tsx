import { useState } from 'react';
import type { CandidateActionResult } from '../../../api/candidate-types.ts';
import { ProblemMessage } from '../../../ui/problem.tsx';
import { DraftEditor } from '../../compose/draft-editor.tsx';
import type { PanelProps } from '../panel-props.ts';
import { ReasonPicker } from '../reason-picker.tsx';
import { StepHeading } from '../step-heading.tsx';
import { useLinkAction } from '../../use-link.ts';
import { CallFirstStep } from './call-first-step.tsx';
import { ThinkTwice } from './think-twice.tsx';

type Step = 'think' | 'reason' | 'draft' | 'call';

interface CancelBody {
  reason: string;
  message: string | null;
  note: string | null;
  calledAhead: boolean;
}

/**
 * Cancelling well, one step at a time: think twice (a nearby time instead?), a reason category, the
 * composer's draft reviewed as it is edited, a call first when the notice is late and there is a number,
 * then send. Cancelling is never blocked: every step can be passed.
 */
export function CancelFlow({ token, view, onDone }: PanelProps) {
  const started = view.notice?.class === 'missed';
  const callFirst = view.callFirst;
  const steps: Step[] = [...(started ? [] : (['think'] as const)), 'reason', 'draft', ...(callFirst ? (['call'] as const) : [])];
  const [step, setStep] = useState<Step>(steps[0]!);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [calledAhead, setCalledAhead] = useState(false);
  const cancel = useLinkAction<CandidateActionResult, CancelBody>(token, '/cancel', (result, body) =>
    onDone({ action: 'cancel', result, calledAhead: body.calledAhead }),
  );
  const number = steps.indexOf(step) + 1;
  const next = () => setStep(steps[number]!);

  const send = () => {
    if (!reason) return;
    cancel.mutate({ reason, message: text.trim() || null, note: note.trim() || null, calledAhead });
  };
  // On the call step, sending unticked is allowed but said plainly, so nobody sends "as I said on the
  // phone" without having called.
  const uncalled = step === 'call' && !calledAhead;
  const sendButton = (
    <button type="button" className="danger" onClick={send} disabled={cancel.isPending || !reason}>
      {cancel.isPending ? 'Sending…' : uncalled ? 'Send without calling' : 'Send and cancel the interview'}
    </button>
  );

  return (
    <div className="flow">
      {step === 'think' && (
        <>
          <StepHeading step={number} of={steps.length}>Move it instead?</StepHeading>
          <ThinkTwice token={token} view={view} onDone={onDone} onContinue={next} />
        </>
      )}
      {step === 'reason' && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason) next();
          }}
        >
          <StepHeading step={number} of={steps.length}>Why are you cancelling?</StepHeading>
          <ReasonPicker reasons={view.vocabulary.reasons} value={reason} onChange={setReason} legend="Reason" emergencyOnly={started} />
          <label>
            A private note for your own record (optional, never shared)
            <textarea value={note} maxLength={5000} rows={3} onChange={(event) => setNote(event.target.value)} />
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={!reason}>
              Continue
            </button>
          </div>
        </form>
      )}
      {step === 'draft' && reason && (
        <div className="stack">
          <StepHeading step={number} of={steps.length}>Your message</StepHeading>
          <DraftEditor token={token} choices={{ action: 'cancel', reason }} calledAhead={calledAhead} text={text} onText={setText} />
          <div className="row">
            <button type="button" className="link-button" onClick={() => setStep('reason')}>
              Back to the reason
            </button>
            {callFirst ? (
              <button type="button" className="primary" onClick={next}>
                Continue
              </button>
            ) : (
              sendButton
            )}
          </div>
        </div>
      )}
      {step === 'call' && callFirst && reason && (
        <div className="stack">
          <StepHeading step={number} of={steps.length}>Call first</StepHeading>
          <CallFirstStep token={token} reason={reason} callFirst={callFirst} notice={view.notice} calledAhead={calledAhead} onCalledAhead={setCalledAhead} />
          <div className="row">
            <button type="button" className="link-button" onClick={() => setStep('draft')}>
              Back to your message
            </button>
            {sendButton}
          </div>
        </div>
      )}
      <ProblemMessage error={cancel.error} />
    </div>
  );
}
