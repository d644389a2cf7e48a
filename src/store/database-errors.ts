import { DomainError } from '../core/errors.ts';

const EXCLUSION_VIOLATION = '23P01';
/** The candidate's own no-overlap constraint (migration 0002); every other exclusion is a panelist's. */
const CANDIDATE_OVERLAP = 'interviews_candidate_no_overlap';
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const INVALID_TEXT_REPRESENTATION = '22P02';
const CHARACTER_NOT_IN_REPERTOIRE = '22021';
const UNTRANSLATABLE_CHARACTER = '22P05';

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
    throw new DomainError('CANDIDATE_BUSY', 'The candidate already has an interview at that time.');
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
