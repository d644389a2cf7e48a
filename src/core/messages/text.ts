import { candidateActions } from '../decisions/candidate-actions.ts';
import type { CandidateAction } from '../decisions/candidate-actions.ts';
import type { InterviewState } from '../decisions/interview-change.ts';
import { formatWhen } from '../format-time.ts';
import type { PlannedEmail } from './email-kinds.ts';
import type { MessageFacts } from './message-facts.ts';

/** One paragraph, a list of lines kept together, or nothing. */
export type Block = string | string[] | null | false | undefined;

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** How the recruiting team signs: the organization's name, never a person who did not write it. */
export function teamName(facts: MessageFacts): string {
  return `${facts.organization.name} recruiting`;
}

/**
 * The whole text: greeting, paragraphs, then the sign-off last — nothing ever follows the signature.
 */
export function letter(greeting: string, blocks: Block[], signOff: string, signature: string): string {
  const paragraphs = blocks
    .map((b) => (Array.isArray(b) ? b.join('\n') : b))
    .filter((b): b is string => typeof b === 'string' && b.trim() !== '');
  return [greeting, ...paragraphs, `${signOff}\n${signature}`].join('\n\n');
}

/**
 * A note to a colleague, signed on the organization's behalf: a panelist by first name, a shared mailbox
 * (the recruiting team, HR) without one.
 */
export function note(email: PlannedEmail, blocks: Block[], facts: MessageFacts): string {
  // HR's confidential reports are not the recruiting team's to sign.
  const signature = email.audience === 'hr' ? `${facts.organization.name} interview scheduling` : teamName(facts);
  return letter(email.audience === 'panelist' ? `Hi ${firstName(email.to.name)},` : 'Hello,', blocks, 'Thank you,', signature);
}

export function when(instant: Date, timeZone: string): string {
  return formatWhen(instant, timeZone);
}

export function bullets(instants: Date[], timeZone: string): string[] {
  return instants.map((instant) => `  • ${when(instant, timeZone)}`);
}

/** The interview named the way its owner wrote it, never lowercased: `"Round 2 with CTO"`. */
export function titled(facts: MessageFacts): string {
  return `“${facts.interview.title}”`;
}

const ACTION_WORDS: Record<CandidateAction, string | null> = {
  accept: 'choose a time',
  reschedule: 'reschedule',
  cancel: 'cancel',
  decline: 'decline',
  withdraw: 'withdraw',
  excuse_no_show: null,
  concern: null,
};

/**
 * What the candidate can do through their link now, in words, from the lifecycle: a confirmation never
 * offers "decline" when declining is not possible.
 *
 * @example
 * actionsLine({ status: 'scheduled', start }, now, link) // 'To reschedule, cancel or withdraw: https://…'
 */
export function actionsLine(state: Pick<InterviewState, 'status' | 'start'>, now: Date, link: string | null): string | null {
  if (!link) return null;
  const words = candidateActions(state, now)
    .map((action) => ACTION_WORDS[action])
    .filter((w): w is string => w !== null);
  if (words.length === 0) return null;
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  return `To ${list}: ${link}`;
}

export const SOONER_IS_KINDER =
  "If you can't make it, please tell us as soon as you know through your link; the sooner we hear, the easier it is for everyone.";

/** A reply is invited only when it reaches someone. */
export function replyLine(canReply: boolean, text = 'If you have any questions, reply to this email.'): string | null {
  return canReply ? text : null;
}

export function whereLines(facts: MessageFacts): string[] {
  const lines: string[] = [];
  if (facts.interview.location) lines.push(`Where: ${facts.interview.location}`);
  if (facts.interview.videoUrl) lines.push(`Video link: ${facts.interview.videoUrl}`);
  return lines;
}
