import { DomainError } from '../errors.ts';
import { DEFAULT_NOTICE_POLICY } from '../types.ts';
import type { NoticePolicy } from '../types.ts';

/** A validation error that names the field at fault, so the HTTP layer can report it as a field error. */
export function invalidField(path: string, message: string): DomainError {
  return new DomainError('VALIDATION', message, { errors: [{ path, message }] });
}

/**
 * The organization's notice thresholds, or the default when none is given. Both are hours before the
 * start: `ampleHours` at least as large as `adequateHours`, which is at least 0.
 *
 * @example
 * readNoticePolicy({ ampleHours: 72, adequateHours: 48 }, 'context.noticePolicy') // { ampleHours: 72, adequateHours: 48 }
 */
export function readNoticePolicy(value: unknown, path: string): NoticePolicy {
  if (value === undefined || value === null) return DEFAULT_NOTICE_POLICY;
  const policy = value as Partial<NoticePolicy>;
  const hours = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 24 * 366;
  if (typeof value !== 'object' || !hours(policy.ampleHours) || !hours(policy.adequateHours)) {
    throw invalidField(path, `${path} needs ampleHours and adequateHours: numbers of hours from 0 to ${24 * 366}.`);
  }
  if (policy.ampleHours < policy.adequateHours || policy.ampleHours === 0) {
    throw invalidField(path, `${path}.ampleHours (${policy.ampleHours}) must be above 0 and at least adequateHours (${policy.adequateHours}).`);
  }
  return { ampleHours: policy.ampleHours, adequateHours: policy.adequateHours };
}
