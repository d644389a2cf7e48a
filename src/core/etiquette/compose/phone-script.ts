import type { Facts } from './draft.ts';
import { firstName } from './draft.ts';
import { ENDS_OPENING, LEAVES_PROCESS, describeCandidateReason, describeEmployerReason } from './reason-phrases.ts';

const ACTIONS: Partial<Record<Facts['kind'], string>> = {
  candidate_reschedule: 'ask for a new time',
  candidate_decline: 'decline the interview',
  candidate_withdraw: 'withdraw my application',
};

/** "the Acme hiring team", or "Dana Kim from Acme" when the sender is a person. */
function introduce(f: Facts): string {
  const sender = f.senderName.replace(/^The /, 'the ');
  return sender.includes(f.companyName) ? sender : `${sender} from ${f.companyName}`;
}

function candidateReasonLine(f: Facts, action: string): string {
  const cause = describeCandidateReason({ ...f, tone: 'warm' });
  return cause.form === 'noun' ? `Because of ${cause.phrase}, I need to ${action}.` : `${cause.text.charAt(0).toUpperCase()}${cause.text.slice(1)}, so I need to ${action}.`;
}

/**
 * What to say on the phone when an email alone is not enough (under 24 hours' notice, or after the
 * start): who is calling, the reason in one line, the next step, and that the written note follows.
 * Always three to five lines.
 *
 * @example
 * writePhoneScript({ ...facts, kind: 'candidate_cancel', notice: 'late' })
 * // ['Hello, this is Jordan Lee, calling about my Data Analyst interview at …', …]
 */
export function writePhoneScript(f: Facts): string[] {
  const missed = f.notice === 'missed';
  if (f.kind.startsWith('candidate_')) {
    const sorry = missed ? "I'm sorry I missed the start and didn't call sooner." : "I'm sorry for the short notice.";
    const action = ACTIONS[f.kind] ?? 'cancel the interview';
    const leaving = LEAVES_PROCESS.has(f.reason) || f.kind === 'candidate_decline' || f.kind === 'candidate_withdraw';
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
  const reason = describeEmployerReason({ ...f, tone: 'warm' });
  const next = ENDS_OPENING.has(f.reason)
    ? "We'd be glad to keep your details for future openings."
    : f.proposed[0]
      ? `Could we offer you ${f.proposed[0]} instead? We have other times too.`
      : 'We would like to find a new time that suits you.';
  return [
    `Hello ${firstName(f.candidateName)}, this is ${introduce(f)}, about your ${f.roleTitle} interview on ${f.when}.`,
    `${missed ? "We're sorry we didn't reach you before the start." : "We're sorry for the short notice."} ${reason}`,
    next,
    "You'll have an email with the details in a few minutes. Thank you for your patience.",
  ];
}
