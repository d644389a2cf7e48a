import { DomainError } from '../core/errors.ts';
import { EngineLostError } from './embedded/embedded-engine.ts';

const EXCLUSION_VIOLATION = '23P01';
/** The candidate's own no-overlap constraint (migration 0002); every other exclusion is a panelist's. */
const CANDIDATE_OVERLAP = 'interviews_candidate_no_overlap';
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const INVALID_TEXT_REPRESENTATION = '22P02';
const CHARACTER_NOT_IN_REPERTOIRE = '22021';
const UNTRANSLATABLE_CHARACTER = '22P05';

const NOT_NULL_VIOLATION = '23502';

/**
 * The interview a change was decided on changed before the statement that writes the change ran (see
 * `InterviewRepository.writeChange`): nothing was written, and the work is to run again on the interview
 * as it is now. `Store.inOneStatement` does that; after its last attempt the caller is told to try again.
 */
export class InterviewChangedMeanwhile extends Error {
  override readonly name = 'InterviewChangedMeanwhile';
  constructor(readonly interviewId: string) {
    super(`Interview ${interviewId} changed after it was read.`);
  }
}

/**
 * Whether a change's statement was refused because its guarded update changed no row: its history line
 * takes the interview's id from that update, and a line without one breaks the column's NOT NULL.
 */
export function isUnchangedInterviewLine(error: unknown): boolean {
  if (codeOf(error) !== NOT_NULL_VIOLATION) return false;
  const { table, column } = error as { table?: string; column?: string };
  return table === 'interview_history' && column === 'interview_id';
}

/**
 * The parties a new interview was decided on came from what was kept and had changed by the time its
 * statement ran (see `InterviewRepository.create`): nothing was written, what was kept of them is
 * forgotten, and the work is to run again on a fresh read. `Store.inOneStatement` does that.
 */
export class PartiesChangedMeanwhile extends Error {
  override readonly name = 'PartiesChangedMeanwhile';
  constructor() {
    super('The parties of a new interview changed after they were read.');
  }
}

/**
 * Whether a new interview's statement was refused because the kept parties it was decided on had
 * changed: the interview then takes no id, and its id's NOT NULL refuses the whole statement.
 */
export function isUnnumberedInterview(error: unknown): boolean {
  if (codeOf(error) !== NOT_NULL_VIOLATION) return false;
  const { table, column } = error as { table?: string; column?: string };
  return table === 'interviews' && column === 'id';
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

/** True when PostgreSQL refused a write because two active bookings of a member would overlap. */
export function isOverlapViolation(error: unknown): boolean {
  return codeOf(error) === EXCLUSION_VIOLATION;
}

/**
 * Turns the database's refusals that mean something to a user into domain errors; anything else is
 * rethrown untouched (an unknown error must stay an unknown error).
 */
export function translateDatabaseError(error: unknown): never {
  const code = codeOf(error);
  if (code === EXCLUSION_VIOLATION && (error as { constraint?: string }).constraint === CANDIDATE_OVERLAP) {
    throw new DomainError('CANDIDATE_BUSY', 'The candidate already has another interview at that time.');
  }
  if (code === EXCLUSION_VIOLATION) {
    throw new DomainError('SLOT_TAKEN', 'At least one panelist is already booked at that time.');
  }
  if (code === UNIQUE_VIOLATION) {
    const detail = (error as { detail?: string }).detail;
    throw new DomainError('CONFLICT', 'That record already exists.', detail ? { detail } : undefined);
  }
  if (code === FOREIGN_KEY_VIOLATION) {
    throw new DomainError('NOT_FOUND', 'A referenced record does not exist in this organization.');
  }
  if (code === CHARACTER_NOT_IN_REPERTOIRE || code === UNTRANSLATABLE_CHARACTER) {
    throw new DomainError('VALIDATION', 'The text contains a character that cannot be stored.');
  }
  if (code === INVALID_TEXT_REPRESENTATION) {
    throw new DomainError('NOT_FOUND', 'No such record.');
  }
  throw error;
}

/**
 * SQLSTATEs that say the server cannot serve us right now, whatever we asked: connection exceptions
 * (class 08), the server shutting down or starting up, too many connections, and a statement cancelled
 * by our own `statement_timeout` (the server is too busy to answer in time).
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
/** What the socket says when the server is not there, or went away mid-conversation. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** The driver's own words for a lost connection or a pool that could not give one in time; they carry no code. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Cannot use a pool after calling end on the pool',
];

/**
 * Refused without asking the server: every connection of the pool is busy and too many requests already
 * wait for one. Raised by the bounded pool; answered like an unreachable database.
 */
export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError';
}

/**
 * True when the error says the database cannot be reached or is overloaded — a state that passes by
 * itself — rather than that the request or our code is wrong. Looks through `cause` and the errors of an
 * AggregateError (a refused connection to each of a host's addresses).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  if (error instanceof DatabaseBusyError || error instanceof EngineLostError) return true;
  const code = codeOf(error);
  if (code !== undefined && (code.startsWith('08') || UNAVAILABLE_CODES.has(code) || SOCKET_CODES.has(code))) return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((words) => message.includes(words))) return true;
  const nested = [(error as { cause?: unknown }).cause, ...(error instanceof AggregateError ? error.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

export type OutageStep = 'outage-began' | 'outage-goes-on' | 'not-an-outage';

/**
 * Whether a polling loop is in a database outage, so it logs the outage once when it begins and once when
 * it ends instead of once a poll.
 */
export class DatabaseOutageWatch {
  private away = false;

  /** After a failed run: whether this failure begins an outage (log it), continues one (stay quiet), or is no outage. */
  failed(error: unknown): OutageStep {
    if (!isDatabaseUnavailable(error)) return 'not-an-outage';
    const began = !this.away;
    this.away = true;
    return began ? 'outage-began' : 'outage-goes-on';
  }

  /** After a run that reached the database: true when this ends an outage (log that it is back). */
  succeeded(): boolean {
    const ended = this.away;
    this.away = false;
    return ended;
  }
}
