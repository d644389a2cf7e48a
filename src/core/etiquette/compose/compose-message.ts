import { DomainError } from '../../errors.ts';
import { formatClock, formatDay, formatSlot, formatWhen, labelZone } from '../../format-time.ts';
import { classifyNotice } from '../../notice-policy.ts';
import { isValidTimeZone } from '../../zoned-time.ts';
import { parseInstant } from '../instant.ts';
import { invalidField, readNoticePolicy } from '../notice.ts';
import { KIND_RULES } from '../review/requirements.ts';
import { COMPOSE_KINDS, TONES } from '../types.ts';
import type { ComposeContext, ComposeKind, ComposeOptions, ComposeResult, InstantInput, MessageElement, Tone } from '../types.ts';
import { adviseSender } from './advice.ts';
import { draftCandidateMessage } from './candidate-kinds.ts';
import type { CandidateKind } from './candidate-kinds.ts';
import type { Draft, Facts } from './draft.ts';
import { callsToo } from './draft.ts';
import { draftEmployerMessage } from './employer-kinds.ts';
import type { EmployerKind } from './employer-kinds.ts';
import { isReasonless, reasonProblem, sideOfKind } from './kind-reasons.ts';
import { writePhoneScript } from './phone-script.ts';

export { EARLY_END_REASONS, reasonProblem, reasonsFor, sideOfKind } from './kind-reasons.ts';

/** More than three times is a list to study, not an offer to answer. */
const MAX_PROPOSED = 3;

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidField(`context.${field}`, `context.${field} is required (a non-empty string).`);
  return value.trim();
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requireText(value, field);
}

function readInstant(value: InstantInput | undefined, field: string): Date {
  try {
    return parseInstant(value as InstantInput, `context.${field}`);
  } catch (error) {
    throw invalidField(`context.${field}`, (error as Error).message);
  }
}

function readZone(value: unknown, field: string): string {
  const zone = requireText(value, field);
  if (!isValidTimeZone(zone)) throw invalidField(`context.${field}`, `context.${field} "${zone}" is not an IANA time zone.`);
  return zone;
}

/** The reason as given, checked against the kind and its side; `undefined` when none is given or the kind states none. */
function readReason(kind: ComposeKind, value: unknown): string | undefined {
  if (isReasonless(kind)) return undefined;
  const reason = optionalText(value, 'reason');
  const problem = reasonProblem(kind, reason);
  if (problem) throw invalidField('context.reason', problem);
  // A position-filled message is its own reason: the opening was filled, unless the caller says it was closed.
  return reason ?? (kind === 'position_filled' ? 'position_filled' : undefined);
}

/** The move of an `employer_reschedule` that is already done, in the reader's zone and the team's. */
function readMove(kind: ComposeKind, context: ComposeContext, start: Date, timezone: string): { at: Date; facts: NonNullable<Facts['moved']> } | undefined {
  if (context.newStart === undefined || context.newStart === null || kind !== 'employer_reschedule') return undefined;
  const at = readInstant(context.newStart, 'newStart');
  if (at.getTime() === start.getTime()) {
    throw invalidField('context.newStart', 'context.newStart is the same as context.interviewStart: the interview has not moved.');
  }
  const team = context.teamTimezone === undefined ? undefined : readZone(context.teamTimezone, 'teamTimezone');
  const day = formatDay(at, timezone);
  let teamWhen: string | undefined;
  if (team !== undefined && formatSlot(at, team) !== formatSlot(at, timezone)) {
    const teamDay = formatDay(at, team);
    teamWhen = teamDay === day ? formatWhen(at, team).slice(teamDay.length + ' at '.length) : formatWhen(at, team);
  }
  return { at, facts: { when: formatWhen(at, timezone), day, ...(teamWhen ? { team: teamWhen } : {}) } };
}

/**
 * The facts of declining an invitation with no time picked: no notice is at stake (nothing is booked),
 * so none is claimed beyond "ample", and the draft names no time.
 */
function unscheduledDeclineFacts(kind: ComposeKind, context: ComposeContext, tone: Tone, timezone: string): Facts {
  readNoticePolicy(context.noticePolicy, 'context.noticePolicy');
  const companyName = requireText(context.companyName, 'companyName');
  const givenSender = optionalText(context.senderName, 'senderName');
  const referral = context.referral
    ? { name: requireText(context.referral.name, 'referral.name'), email: requireText(context.referral.email, 'referral.email') }
    : undefined;
  return {
    kind,
    tone,
    notice: 'ample',
    msLeft: Number.POSITIVE_INFINITY,
    noticeAdvice: 'No time has been booked yet, so declining now frees no one\'s calendar.',
    candidateName: requireText(context.candidateName, 'candidateName'),
    recipientName: optionalText(context.recipientName, 'recipientName'),
    senderName: givenSender ?? `The ${companyName} hiring team`,
    senderIntro: givenSender === undefined ? `the ${companyName} hiring team` : givenSender.includes(companyName) ? givenSender : `${givenSender} from ${companyName}`,
    companyName,
    roleTitle: requireText(context.roleTitle, 'roleTitle'),
    scheduled: false,
    when: '',
    day: '',
    zone: labelZone(timezone),
    reason: readReason(kind, context.reason),
    proposed: [],
    keepInTouch: context.keepInTouch,
    referral,
    links: { cancel: optionalText(context.links?.cancel, 'links.cancel'), reschedule: optionalText(context.links?.reschedule, 'links.reschedule') },
    location: optionalText(context.location, 'location'),
    videoUrl: optionalText(context.videoUrl, 'videoUrl'),
    leaveBy: undefined,
  };
}

/** Validates the context and turns it into the facts a template needs, times formatted for the reader. */
function gatherFacts(kind: ComposeKind, context: ComposeContext, options: ComposeOptions): Facts {
  if (typeof context !== 'object' || context === null) throw invalidField('context', 'context must be an object.');
  const tone = options.tone ?? 'warm';
  if (!(TONES as readonly string[]).includes(tone)) throw invalidField('tone', `tone must be one of ${TONES.join(', ')}.`);
  const timezone = readZone(context.timezone, 'timezone');
  const now = readInstant(context.now, 'now');
  // An invitation declined before any time was picked is about no time: nobody's calendar is freed.
  if (kind === 'candidate_decline' && (context.interviewStart === undefined || context.interviewStart === null)) {
    return unscheduledDeclineFacts(kind, context, tone, timezone);
  }
  const start = readInstant(context.interviewStart, 'interviewStart');
  if (kind === 'no_show_followup' && now.getTime() < start.getTime()) {
    throw invalidField('context.now', 'context.now is before context.interviewStart: a no-show follow-up is written after the interview was due to start.');
  }
  const policy = readNoticePolicy(context.noticePolicy, 'context.noticePolicy');
  const proposedTimes = context.proposedTimes ?? [];
  if (!Array.isArray(proposedTimes)) throw invalidField('context.proposedTimes', 'context.proposedTimes must be an array of instants.');
  const referral = context.referral
    ? { name: requireText(context.referral.name, 'referral.name'), email: requireText(context.referral.email, 'referral.email') }
    : undefined;
  const companyName = requireText(context.companyName, 'companyName');
  const givenSender = optionalText(context.senderName, 'senderName');
  const leaveBy = context.leaveBy === undefined || context.leaveBy === null ? undefined : readInstant(context.leaveBy, 'leaveBy');
  if (leaveBy && leaveBy.getTime() >= start.getTime()) {
    throw invalidField('context.leaveBy', 'context.leaveBy must be before context.interviewStart.');
  }
  const move = readMove(kind, context, start, timezone);
  // A move that is done gives notice against whichever time comes first: the old one the candidate planned
  // for, or the new one they must now reach.
  const noticeStart = move && move.at.getTime() < start.getTime() ? move.at : start;
  const coordinatorPhone = optionalText(context.coordinatorPhone, 'coordinatorPhone');
  const notice = classifyNotice({ at: now, start: noticeStart, policy, contactPhone: coordinatorPhone ?? null });
  return {
    kind,
    tone,
    notice: notice.class,
    msLeft: noticeStart.getTime() - now.getTime(),
    noticeAdvice: notice.advice.text,
    candidateName: requireText(context.candidateName, 'candidateName'),
    recipientName: optionalText(context.recipientName, 'recipientName'),
    senderName: givenSender ?? `The ${companyName} hiring team`,
    senderIntro: givenSender === undefined ? `the ${companyName} hiring team` : givenSender.includes(companyName) ? givenSender : `${givenSender} from ${companyName}`,
    companyName,
    roleTitle: requireText(context.roleTitle, 'roleTitle'),
    scheduled: true,
    when: formatWhen(start, timezone),
    day: formatDay(start, timezone),
    zone: labelZone(timezone),
    reason: readReason(kind, context.reason),
    proposed: proposedTimes.slice(0, MAX_PROPOSED).map((t, i) => formatSlot(readInstant(t, `proposedTimes.${i}`), timezone)),
    ...(move ? { moved: move.facts } : {}),
    keepInTouch: context.keepInTouch,
    referral,
    ...(coordinatorPhone ? { coordinatorPhone } : {}),
    ...(context.calledAhead === true ? { calledAhead: true } : {}),
    links: { cancel: optionalText(context.links?.cancel, 'links.cancel'), reschedule: optionalText(context.links?.reschedule, 'links.reschedule') },
    location: optionalText(context.location, 'location'),
    videoUrl: optionalText(context.videoUrl, 'videoUrl'),
    leaveBy: leaveBy ? formatClock(leaveBy, timezone) : undefined,
  };
}

function render(draft: Draft): { body: string; elements: MessageElement[] } {
  const sentences = draft.paragraphs.flat();
  const elements = [...new Set(sentences.flatMap((s) => (s.element ? [s.element] : [])))];
  // A sentence that ends in a list of lines is followed by a new line, not by a space.
  const paragraphs = draft.paragraphs.map((p) =>
    p.map((s, i) => (i === 0 ? '' : p[i - 1]?.text.includes('\n') ? '\n' : ' ') + s.text).join(''),
  );
  // The sign-off and the name end the body: nothing is ever written after them.
  const body = [draft.greeting, ...paragraphs, `${draft.closing}\n${draft.signature}`].join('\n\n');
  return { body, elements };
}

/**
 * Composes a message of the given kind: gratitude, the reason category the sender gave (never one of the
 * other side's, never one that was not given), an apology, an alternative and, where wanted, an open door
 * and a referral — adapted to the notice the message gives under the organization's policy (at short
 * notice, with a number to call, it asks for a phone call first and supplies the script) and written in
 * the reader's time zone. Deterministic: the same input gives the same text.
 *
 * @example
 * composeMessage('candidate_cancel', {
 *   candidateName: 'Jordan Lee', recipientName: 'Ms. Rivera', companyName: 'Acme', roleTitle: 'Data Analyst',
 *   interviewStart: '2026-12-10T15:00:00Z', now: '2026-12-06T15:00:00Z', timezone: 'America/New_York',
 *   reason: 'family_emergency',
 * }).subject // 'Cancelling my Data Analyst interview on Thursday, December 10'
 */
export function composeMessage(kind: ComposeKind, context: ComposeContext, options: ComposeOptions = {}): ComposeResult {
  if (!(COMPOSE_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('VALIDATION', `Unknown kind "${String(kind)}"; expected one of ${COMPOSE_KINDS.join(', ')}.`, {
      errors: [{ path: 'kind', message: `expected one of ${COMPOSE_KINDS.join(', ')}` }],
    });
  }
  const facts = gatherFacts(kind, context, options);
  const draft = sideOfKind(kind) === 'candidate' ? draftCandidateMessage(kind as CandidateKind, facts) : draftEmployerMessage(kind as EmployerKind, facts);
  const { body, elements } = render(draft);
  const phone = KIND_RULES[kind].noticeMatters && callsToo(facts);
  return {
    subject: draft.subject,
    body,
    channel: phone ? 'phone' : 'email',
    ...(phone ? { phoneScript: writePhoneScript(facts) } : {}),
    elements,
    notice: facts.notice,
    advice: adviseSender(facts, KIND_RULES[kind].noticeMatters),
  };
}
