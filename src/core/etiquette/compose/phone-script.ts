import { endsOpening, leavesProcess } from '../../reasons.ts';
import type { Facts } from './draft.ts';
import { capitalize, firstName } from './draft.ts';
import { describeCandidateReason, describeEmployerReason } from './reason-phrases.ts';

const ACTIONS: Partial<Record<Facts['kind'], string>> = {
  candidate_reschedule: 'ask for a new time',
  candidate_decline: 'decline the interview',
  candidate_withdraw: 'withdraw my application',
};

/** "Because of a family emergency, I need to …", or just "I need to …" when no reason was given. */
function candidateReasonLine(f: Facts, action: string): string {
  const cause = describeCandidateReason({ ...f, tone: 'warm' });
  if (!cause) return `I need to ${action}.`;
  return cause.form === 'noun' ? `Because of ${cause.phrase}, I need to ${action}.` : `${capitalize(cause.text)}, so I need to ${action}.`;
}

function candidateScript(f: Facts): string[] {
  const sorry = f.notice === 'missed' ? "I'm sorry I missed the start and didn't call sooner." : "I'm sorry for the short notice.";
  const action = ACTIONS[f.kind] ?? 'cancel the interview';
  const leaving = leavesProcess(f.reason) || f.kind === 'candidate_decline' || f.kind === 'candidate_withdraw';
  const next = leaving
    ? 'I wanted you to hear it from me directly.'
    : f.proposed[0]
      ? `Could we find another time? ${f.proposed[0]} would work for me.`
      : 'Could we find another time that suits you and the panel?';
  return [
    `Hello, this is ${f.candidateName}, calling about my ${f.roleTitle} interview on ${f.when}.`,
    `${sorry} ${candidateReasonLine(f, action)}`,
    next,
    'I will confirm this by email right after this call. Thank you for understanding.',
  ];
}

function employerScript(f: Facts): string[] {
  const sorry = f.notice === 'missed' ? "We're sorry we didn't reach you before the start." : "We're sorry for the short notice.";
  const reason = describeEmployerReason({ ...f, tone: 'warm' });
  const said = reason ? `${sorry} ${reason}` : sorry;
  if (f.moved) {
    return [
      `Hello ${firstName(f.candidateName)}, this is ${f.senderIntro}, about your ${f.roleTitle} interview on ${f.when}.`,
      `${said} We've had to move it: it is now on ${f.moved.when}.`,
      "If the new time doesn't suit you, we'll find another one with you.",
      "You'll have an email with the details in a few minutes. Thank you for your patience.",
    ];
  }
  const next = endsOpening(f.reason)
    ? "We'd be glad to keep your details for future openings."
    : f.proposed[0]
      ? `Could we offer you ${f.proposed[0]} instead? We have other times too.`
      : 'We would like to find a new time that suits you.';
  return [
    `Hello ${firstName(f.candidateName)}, this is ${f.senderIntro}, about your ${f.roleTitle} interview on ${f.when}.`,
    said,
    next,
    "You'll have an email with the details in a few minutes. Thank you for your patience.",
  ];
}

/**
 * What to say on the phone when an email alone is not enough (short notice under the policy, or after the
 * start) and there is a number to call: who is calling, the reason in one line when one was given, the
 * next step, and that the written note follows. Always three to five lines.
 *
 * @example
 * writePhoneScript({ ...facts, kind: 'candidate_cancel', notice: 'late' })
 * // ['Hello, this is Jordan Lee, calling about my Data Analyst interview on …', …]
 */
export function writePhoneScript(f: Facts): string[] {
  return f.kind.startsWith('candidate_') ? candidateScript(f) : employerScript(f);
}
