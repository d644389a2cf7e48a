import { DomainError } from '../../errors.ts';
import { classifyNotice } from '../../notice-policy.ts';
import { CANDIDATE_REASONS, EMPLOYER_REASONS } from '../../reasons.ts';
import { isValidTimeZone } from '../../zoned-time.ts';
import { parseInstant } from '../instant.ts';
import { KIND_RULES } from '../review/requirements.ts';
import { COMPOSE_KINDS, TONES } from '../types.ts';
import type { ComposeContext, ComposeKind, ComposeOptions, ComposeResult, MessageElement } from '../types.ts';
import { draftCandidateMessage } from './candidate-kinds.ts';
import type { CandidateKind } from './candidate-kinds.ts';
import type { Draft, Facts } from './draft.ts';
import { draftEmployerMessage } from './employer-kinds.ts';
import type { EmployerKind } from './employer-kinds.ts';
import { formatClock, formatDay, formatSlot, formatWhen, labelZone } from '../../format-time.ts';
import { writePhoneScript } from './phone-script.ts';

/** Reasons for ending an interview early, beside the candidate and employer reason codes. */
export const EARLY_END_REASONS = ['inappropriate_questions', 'disrespectful_conduct'] as const;
const KNOWN_REASONS = new Set<string>([...CANDIDATE_REASONS, ...EMPLOYER_REASONS, ...EARLY_END_REASONS]);
/** Kinds whose message does not depend on a reason. */
const REASONLESS_KINDS = new Set<ComposeKind>(['candidate_keep_in_touch', 'no_show_followup', 'reminder']);
/** More than three times is a list to study, not an offer to answer. */
const MAX_PROPOSED = 3;

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainError('VALIDATION', `context.${field} is required (a non-empty string).`);
  return value.trim();
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requireText(value, field);
}

function readReason(kind: ComposeKind, value: unknown): string {
  // These messages never state a reason, so whatever the caller passes cannot make them wrong.
  if (REASONLESS_KINDS.has(kind)) return typeof value === 'string' && KNOWN_REASONS.has(value) ? value : 'other';
  const reason = requireText(value, 'reason');
  if (!KNOWN_REASONS.has(reason)) {
    throw new DomainError('VALIDATION', `context.reason "${reason}" is not a reason code; use one of ${[...KNOWN_REASONS].join(', ')}.`);
  }
  return reason;
}

/** Validates the context and turns it into the facts a template needs, times formatted for the reader. */
function gatherFacts(kind: ComposeKind, context: ComposeContext, options: ComposeOptions): Facts {
  if (typeof context !== 'object' || context === null) throw new DomainError('VALIDATION', 'context must be an object.');
  const tone = options.tone ?? 'warm';
  if (!(TONES as readonly string[]).includes(tone)) throw new DomainError('VALIDATION', `tone must be one of ${TONES.join(', ')}.`);
  const timezone = requireText(context.timezone, 'timezone');
  if (!isValidTimeZone(timezone)) throw new DomainError('VALIDATION', `context.timezone "${timezone}" is not an IANA time zone.`);
  const start = parseInstant(context.interviewStart, 'context.interviewStart');
  const now = parseInstant(context.now, 'context.now');
  const proposedTimes = context.proposedTimes ?? [];
  if (!Array.isArray(proposedTimes)) throw new DomainError('VALIDATION', 'context.proposedTimes must be an array of instants.');
  const referral = context.referral
    ? { name: requireText(context.referral.name, 'referral.name'), email: requireText(context.referral.email, 'referral.email') }
    : undefined;
  const companyName = requireText(context.companyName, 'companyName');
  const leaveBy = context.leaveBy === undefined ? undefined : parseInstant(context.leaveBy, 'context.leaveBy');
  return {
    kind,
    tone,
    notice: classifyNotice({ at: now, start }).class,
    candidateName: requireText(context.candidateName, 'candidateName'),
    recipientName: optionalText(context.recipientName, 'recipientName'),
    senderName: optionalText(context.senderName, 'senderName') ?? `The ${companyName} hiring team`,
    companyName,
    roleTitle: requireText(context.roleTitle, 'roleTitle'),
    when: formatWhen(start, timezone),
    day: formatDay(start, timezone),
    zone: labelZone(timezone),
    reason: readReason(kind, context.reason),
    proposed: proposedTimes.slice(0, MAX_PROPOSED).map((t, i) => formatSlot(parseInstant(t, `context.proposedTimes[${i}]`), timezone)),
    keepInTouch: context.keepInTouch,
    referral,
    coordinatorPhone: optionalText(context.coordinatorPhone, 'coordinatorPhone'),
    links: { cancel: optionalText(context.links?.cancel, 'links.cancel'), reschedule: optionalText(context.links?.reschedule, 'links.reschedule') },
    location: optionalText(context.location, 'location'),
    leaveBy: leaveBy ? formatClock(leaveBy, timezone) : undefined,
  };
}

function isCandidateKind(kind: ComposeKind): kind is CandidateKind {
  return kind.startsWith('candidate_');
}

function render(draft: Draft): { body: string; elements: MessageElement[] } {
  const sentences = draft.paragraphs.flat();
  const elements = [...new Set(sentences.flatMap((s) => (s.element ? [s.element] : [])))];
  // A sentence that ends in a list of lines is followed by a new line, not by a space.
  const paragraphs = draft.paragraphs.map((p) =>
    p.map((s, i) => (i === 0 ? '' : p[i - 1]?.text.includes('\n') ? '\n' : ' ') + s.text).join(''),
  );
  const body = [draft.greeting, ...paragraphs, `${draft.closing}\n${draft.signature}`].join('\n\n');
  return { body, elements };
}

/**
 * Composes a message of the given kind: gratitude, a brief reason category, an apology, an
 * alternative and, where wanted, an open door and a referral — adapted to the notice the message gives
 * (under 24 hours it asks for a phone call first and supplies the script) and written in the reader's
 * time zone. Deterministic: the same input gives the same text.
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
    throw new DomainError('VALIDATION', `Unknown kind "${String(kind)}"; expected one of ${COMPOSE_KINDS.join(', ')}.`);
  }
  const facts = gatherFacts(kind, context, options);
  const draft = isCandidateKind(kind) ? draftCandidateMessage(kind, facts) : draftEmployerMessage(kind as EmployerKind, facts);
  const { body, elements } = render(draft);
  const urgent = KIND_RULES[kind].noticeMatters && (facts.notice === 'late' || facts.notice === 'missed');
  return {
    subject: draft.subject,
    body,
    channel: urgent ? 'phone' : 'email',
    ...(urgent ? { phoneScript: writePhoneScript(facts) } : {}),
    elements,
    notice: facts.notice,
  };
}
