import { analyseText } from '../nlp/analyse-text.ts';
import { invalidField } from '../notice.ts';
import { COMPOSE_KINDS } from '../types.ts';
import type { ComposeKind, ElementPresence, Finding, ReviewInput, ReviewResult, Severity } from '../types.ts';
import { findBadmouthing, findBlame, findOversharing } from './detect-conduct.ts';
import { detectElements } from './detect-elements.ts';
import type { ElementDetection } from './detect-elements.ts';
import { findNoticeProblems } from './detect-notice.ts';
import { findLength, findShouting } from './detect-style.ts';
import { KIND_RULES, NO_ALTERNATIVE_CATEGORIES, owesNoAlternative } from './requirements.ts';
import type { RequiredElement } from './requirements.ts';
import { scoreFindings } from './score-findings.ts';

const MISSING: Record<RequiredElement, { code: Finding['code']; message: string; suggestion: string }> = {
  gratitude: {
    code: 'missing_gratitude',
    message: 'No thanks for the opportunity or the reader\'s time.',
    suggestion: 'Open with thanks: "Thank you for the invitation to interview for the role."',
  },
  reason: {
    code: 'missing_reason',
    message: 'No reason is given; a brief category is enough.',
    suggestion: 'Add one line such as "because of a family emergency" or "because of a scheduling conflict".',
  },
  apology: {
    code: 'missing_apology',
    message: 'No apology for the inconvenience.',
    suggestion: 'Add "I am sorry for the inconvenience this causes."',
  },
  alternative: {
    code: 'missing_alternative',
    message: 'No alternative is offered: no new times and no offer to find some.',
    suggestion: 'Propose two or three times, or offer to find another time that suits.',
  },
};

function needsAlternative(input: ReviewInput, detection: ElementDetection): boolean {
  if (owesNoAlternative(input.context?.reason)) return false;
  return ![...detection.reason.categories].some((c) => NO_ALTERNATIVE_CATEGORIES.has(c));
}

function findMissing(input: ReviewInput, detection: ElementDetection): Finding[] {
  const needs = KIND_RULES[input.kind].needs;
  const findings: Finding[] = [];
  for (const [element, severity] of Object.entries(needs) as Array<[RequiredElement, Severity]>) {
    if (detection.elements[element]) continue;
    if (element === 'alternative' && !needsAlternative(input, detection)) continue;
    const { code, message, suggestion } = MISSING[element];
    findings.push({ code, severity, message, suggestion });
  }
  return findings;
}

function findVagueReasons(input: ReviewInput, detection: ElementDetection): Finding[] {
  if (!KIND_RULES[input.kind].needs.reason) return [];
  const vague = detection.reason.vague.map((m) => ({
    code: 'vague_reason' as const,
    severity: 'warn' as const,
    message: `"${input.text.slice(m.start, m.end)}" is not a reason: the reader learns nothing from it.`,
    start: m.start,
    end: m.end,
    suggestion: 'Name the category without the details: a family emergency, a scheduling conflict, another offer.',
  }));
  const soft = detection.reason.soft.map((m) => ({
    code: 'vague_reason' as const,
    severity: 'info' as const,
    message: `"${input.text.slice(m.start, m.end)}" is acceptable but thin; a category reads as more candid.`,
    start: m.start,
    end: m.end,
    suggestion: 'If you are comfortable, say which kind: "a family matter", "a health matter", "a work commitment".',
  }));
  return [...vague, ...soft];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

function validate(input: ReviewInput): void {
  if (!(COMPOSE_KINDS as readonly string[]).includes(input.kind)) {
    throw invalidField('kind', `Unknown kind "${String(input.kind)}"; expected one of ${COMPOSE_KINDS.join(', ')}.`);
  }
  if (typeof input.text !== 'string') throw invalidField('text', 'text must be a string.');
  if (input.text.trim() === '') throw invalidField('text', 'text is empty: give the draft to review.');
}

/**
 * Reviews a draft message: which elements it has, what it lacks for its kind, and what it should not
 * say. Spans are character offsets into `text`.
 *
 * @example
 * reviewDraft({ kind: 'candidate_cancel', text: "hi, can't make it today. something came up." })
 * // { score: 60, elements: { gratitude: false, ... }, findings: [{ code: 'missing_gratitude', ... }, ...] }
 */
export function reviewDraft(input: ReviewInput): ReviewResult {
  validate(input);
  const kind: ComposeKind = input.kind;
  const text = analyseText(input.text);
  const detection = detectElements(text, input.context?.referral);
  const findings: Finding[] = [
    ...findMissing(input, detection),
    ...findVagueReasons(input, detection),
    ...findOversharing(text),
    ...findBadmouthing(text, kind),
    ...findBlame(text),
    ...findLength(text),
    ...findShouting(text),
    ...(KIND_RULES[kind].noticeMatters ? findNoticeProblems(text, input.context, detection.elements.apology) : []),
  ];
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.start ?? -1) - (b.start ?? -1));
  const elements: ElementPresence = { ...detection.elements };
  return { score: scoreFindings(findings), elements, findings };
}
