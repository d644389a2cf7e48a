/**
 * The one table of reasons for a change. Every set of codes, every label on a form and every phrase in a
 * message is derived from it, so a reason cannot mean one thing in a message and another in a rule.
 * A reason is a category shared with the other side; the free-text details behind it stay private.
 */

export type ReasonSide = 'candidate' | 'employer';

export interface ReasonRow {
  /** Who may give it; `other` belongs to both sides. */
  sides: readonly ReasonSide[];
  /** How a form or a dashboard lists it. */
  label: string;
  /** A neutral noun phrase for a third-party notice: "Reason given: a scheduling conflict." */
  phrase: string;
  /** For an employer's reason: the clause the organization tells the candidate ("This is because …"). */
  statement?: string;
  /** Allows cancelling after the start instead of being recorded as a no-show. */
  emergency: boolean;
  /** The candidate leaves the process: nobody offers them a new time. */
  leavesProcess: boolean;
  /** The opening is over: there is nothing to reschedule. */
  endsOpening: boolean;
}

const candidate = ['candidate'] as const;
const employer = ['employer'] as const;
const plain = { emergency: false, leavesProcess: false, endsOpening: false };

export const REASONS = {
  medical_emergency: { sides: candidate, label: 'A medical emergency', phrase: 'a medical emergency', ...plain, emergency: true },
  family_emergency: { sides: candidate, label: 'A family emergency', phrase: 'a family emergency', ...plain, emergency: true },
  employment_change: { sides: candidate, label: 'A change in my employment', phrase: 'a change in employment', ...plain },
  accepted_offer: { sides: candidate, label: 'I accepted another offer', phrase: 'an offer accepted elsewhere', ...plain, leavesProcess: true },
  schedule_conflict: { sides: candidate, label: 'A scheduling conflict', phrase: 'a scheduling conflict', ...plain },
  transportation: { sides: candidate, label: 'Travel or transportation trouble', phrase: 'travel or transportation trouble', ...plain },
  not_a_fit: { sides: candidate, label: 'The role is no longer the right fit', phrase: 'a decision that the role is not the right fit', ...plain, leavesProcess: true },
  interviewer_unavailable: {
    sides: employer,
    label: 'An interviewer became unavailable',
    phrase: 'an interviewer becoming unavailable',
    statement: 'one of the interviewers is no longer available',
    ...plain,
  },
  position_filled: { sides: employer, label: 'The position was filled', phrase: 'the position being filled', statement: 'the position has been filled', ...plain, endsOpening: true },
  position_closed: { sides: employer, label: 'The position was closed', phrase: 'the position being closed', statement: 'the position has been closed', ...plain, endsOpening: true },
  scheduling_error: { sides: employer, label: 'A scheduling error on our side', phrase: 'a scheduling error on our side', statement: 'we made a scheduling error', ...plain },
  other: { sides: ['candidate', 'employer'], label: 'Something else', phrase: 'something else', ...plain },
} as const satisfies Record<string, ReasonRow>;

export type ReasonCode = keyof typeof REASONS;

type CodesOf<S extends ReasonSide> = {
  [K in ReasonCode]: S extends (typeof REASONS)[K]['sides'][number] ? K : never;
}[ReasonCode];
export type CandidateReason = CodesOf<'candidate'>;
export type EmployerReason = CodesOf<'employer'>;

const ALL_CODES = Object.keys(REASONS) as ReasonCode[];

function codesWhere(test: (row: ReasonRow) => boolean): ReasonCode[] {
  return ALL_CODES.filter((code) => test(REASONS[code]));
}

/** Codes a candidate may give, in the table's order; the API and the forms list them from here. */
export const CANDIDATE_REASONS = codesWhere((row) => row.sides.includes('candidate')) as [CandidateReason, ...CandidateReason[]];
export const EMPLOYER_REASONS = codesWhere((row) => row.sides.includes('employer')) as [EmployerReason, ...EmployerReason[]];

export function isReasonCode(value: string): value is ReasonCode {
  return Object.hasOwn(REASONS, value);
}

/** Whether a side may give this reason: an employer's reason is never put in a candidate's mouth. */
export function isReasonOf(side: ReasonSide, value: string): boolean {
  return isReasonCode(value) && (REASONS[value].sides as readonly ReasonSide[]).includes(side);
}

export function isEmergencyReason(reason: string | null | undefined): boolean {
  return reason !== null && reason !== undefined && isReasonCode(reason) && REASONS[reason].emergency;
}

export function leavesProcess(reason: string | null | undefined): boolean {
  return reason !== null && reason !== undefined && isReasonCode(reason) && REASONS[reason].leavesProcess;
}

export function endsOpening(reason: string | null | undefined): boolean {
  return reason !== null && reason !== undefined && isReasonCode(reason) && REASONS[reason].endsOpening;
}

/**
 * Whether a reason can go with moving an interview (or asking for other times): not one that leaves the
 * process or ends the opening, since after either there is nothing to move. A message would otherwise
 * say "it is now on Monday … because the position has been filled".
 */
export function fitsMove(reason: string | null | undefined): boolean {
  return !leavesProcess(reason) && !endsOpening(reason);
}

/** Why a reason cannot go with a move, in words for the one who gave it; `undefined` when it can. */
export function moveReasonProblem(reason: string | null | undefined): string | undefined {
  if (leavesProcess(reason)) return `"${reason}" leaves the process, so there is nothing to move: cancel, decline or withdraw instead.`;
  if (endsOpening(reason)) return `"${reason}" ends the opening, so there is nothing to move: cancel instead, or end the opening.`;
  return undefined;
}

/** The codes each side may give with a move, in the table's order; the API and the forms list them from here. */
export const CANDIDATE_MOVE_REASONS = CANDIDATE_REASONS.filter(fitsMove) as [CandidateReason, ...CandidateReason[]];
export const EMPLOYER_MOVE_REASONS = EMPLOYER_REASONS.filter(fitsMove) as [EmployerReason, ...EmployerReason[]];

export function reasonLabel(reason: ReasonCode): string {
  return REASONS[reason].label;
}

/** What the organization tells a candidate about its own reason; null for "other" or none. */
export function reasonStatement(reason: string | null | undefined): string | null {
  if (reason === null || reason === undefined || !isReasonCode(reason)) return null;
  const row: ReasonRow = REASONS[reason];
  return row.statement ?? null;
}

/** The neutral phrase of a reason that was given; `null` when none was, so nothing is ever invented. */
export function reasonPhrase(reason: string | null | undefined): string | null {
  return reason !== null && reason !== undefined && isReasonCode(reason) ? REASONS[reason].phrase : null;
}
