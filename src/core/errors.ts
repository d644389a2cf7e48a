/**
 * Domain errors carry a stable code and no HTTP knowledge; the server maps codes to statuses in one table.
 */
export const DOMAIN_ERROR_CODES = [
  'SLOT_TAKEN',
  'CANDIDATE_BUSY',
  'INVALID_STATE',
  'NOT_FOUND',
  'VALIDATION',
  'OUTSIDE_AVAILABILITY',
  'AFTER_START',
  'OPENING_NOT_OPEN',
  'CONFLICT',
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'OFFER_TAKEN',
  'OFFER_EXPIRED',
  'URL_NOT_ALLOWED',
  'SECRET_KEY_REQUIRED',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
