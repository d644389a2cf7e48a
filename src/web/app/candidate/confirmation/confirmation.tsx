import type { CandidateActionResult, CandidateView, Referral } from '../../api/candidate-types.ts';
import { Time } from '../../ui/time.tsx';
import { NOTICE_NAME, noticeText } from '../notice/notice-meter.tsx';
import { useFocusOnMount } from '../use-focus-on-mount.ts';
import { CallScript } from '../actions/cancel/call-script.tsx';
import { Recipients } from './recipients.tsx';

/** What a finished action was, with the server's answer to it. */
export interface Done {
  action: 'accept' | 'reschedule' | 'request_times' | 'cancel' | 'decline' | 'withdraw' | 'concern' | 'excuse_no_show';
  result: CandidateActionResult;
  calledAhead?: boolean;
  referral?: Referral | null;
}

function headline(done: Done): string {
  const { result } = done;
  switch (done.action) {
    case 'accept':
      return 'Your interview is booked';
    case 'reschedule':
      return 'Your interview has moved';
    case 'request_times':
      return 'You asked for other times';
    case 'cancel':
      return 'Your interview is cancelled';
    case 'decline':
      return 'You declined the invitation';
    case 'withdraw':
      return 'You have withdrawn from the process';
    case 'concern':
      return result.delivered === false ? 'Your concern is recorded' : 'Your concern was reported';
    case 'excuse_no_show':
      return 'Your explanation is recorded';
  }
}

/**
 * Exactly what happened, from the action's answer: the new state, the notice it gave on the
 * organization's scale, and who receives what. It takes focus, so nobody misses it.
 */
export function Confirmation({ done, view }: { done: Done; view: CandidateView }) {
  const heading = useFocusOnMount<HTMLHeadingElement>(done);
  const { result } = done;
  const { interview } = result;
  const notice = result.actionNotice;
  const phone = view.interview.organization.contactPhone;
  const referralSent = done.referral && result.outcome?.recipients.some((group) => group.audience === 'coordinator');
  return (
    <section className="success confirmation" aria-labelledby="confirmation-heading" aria-live="polite">
      <h2 id="confirmation-heading" ref={heading} tabIndex={-1}>
        {headline(done)}
      </h2>
      {(done.action === 'accept' || done.action === 'reschedule') && interview.start && (
        <p>
          {done.action === 'accept' ? 'It is booked for' : 'It is now on'} <Time iso={interview.start} zone={interview.candidateTimezone} />.
        </p>
      )}
      {done.action === 'request_times' && (
        <p>
          {result.offeredSlots && result.offeredSlots.length > 0
            ? `${result.offeredSlots.length} new time${result.offeredSlots.length === 1 ? ' is' : 's are'} offered to you below.`
            : 'The recruiting team will send you new times.'}
        </p>
      )}
      {notice && done.action !== 'accept' && (
        <p>
          {notice.hoursUntilStart > 0 ? `You gave ${noticeText(notice.hoursUntilStart)} of notice: ` : 'This was after the start: '}
          <span className={`badge ${notice.class}`}>{NOTICE_NAME[notice.class]}</span> under {interview.organization.name}'s policy.
        </p>
      )}
      {done.action === 'cancel' && done.calledAhead && <p>You told us you called the coordinator first: that is recorded with your cancellation.</p>}
      {result.outcome && <Recipients outcome={result.outcome} />}
      {referralSent && done.referral && <p>Your referral of {done.referral.name} is in the recruiting team's email.</p>}
      {done.action === 'concern' && result.delivered === false && (
        <p>No email could go out: {interview.organization.name} has no contact on file for reports. Your report is kept with the interview's record.</p>
      )}
      {result.phoneScript && !done.calledAhead && phone && (
        <CallScript phone={phone} script={result.phoneScript} heading="If you can, call now as well" />
      )}
    </section>
  );
}
