import { DomainError } from '../core/errors.ts';
import type { FieldError } from '../core/working-hours.ts';
import { canonicalTimeZone, isValidTimeZone } from '../core/zoned-time.ts';

const PHONE_SEPARATORS = /[\s.\-()]/g;
const E164 = /^\+[1-9]\d{7,14}$/;

export const PHONE_FORMAT_MESSAGE =
  'Give the number in international form with its country code, such as +44 20 7946 0000 (E.164: a + and 8 to 15 digits; spaces, dots, dashes and parentheses are allowed).';

/**
 * A phone number in E.164 (`+442079460000`) after removing spaces, dots, dashes and parentheses and
 * reading a leading `00` as `+`; null when what is left cannot be one.
 *
 * @example
 * normalizePhone('+44 (20) 7946-0000') // '+442079460000'
 * normalizePhone('0049 30 1234 5678')  // '+493012345678'
 * normalizePhone('020 7946 0000')      // null: no country code
 */
export function normalizePhone(raw: string): string | null {
  let compact = raw.replace(PHONE_SEPARATORS, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  return E164.test(compact) ? compact : null;
}

export function phoneError(value: string): string {
  return `"${value.slice(0, 60)}" is not a phone number we can call. ${PHONE_FORMAT_MESSAGE}`;
}

/** Collects field errors and throws them together, so a client learns every problem in one answer. */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(path: string, message: string): this {
    this.errors.push({ path, message });
    return this;
  }

  addAll(errors: FieldError[]): this {
    this.errors.push(...errors);
    return this;
  }

  timeZone(path: string, value: string | undefined): this {
    if (value !== undefined && !isValidTimeZone(value)) this.add(path, `Unknown time zone "${value}"; use an IANA name such as Europe/London.`);
    return this;
  }

  /**
   * A time-zone name in its IANA spelling (`america/new_york` → `America/New_York`); an unknown name is
   * recorded as an error and given back unchanged (nothing is stored once `throwIfAny` has run).
   */
  zone(path: string, value: string): string;
  zone(path: string, value: string | undefined): string | undefined;
  zone(path: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const canonical = canonicalTimeZone(value);
    if (canonical === null) {
      this.add(path, `Unknown time zone "${value.slice(0, 64)}"; use an IANA name such as Europe/London.`);
      return value;
    }
    return canonical;
  }

  /**
   * A phone number normalised to E.164; null and blank mean "no number". An impossible number is recorded
   * as an error and given back unchanged.
   */
  phone(path: string, value: string | null): string | null;
  phone(path: string, value: string | null | undefined): string | null | undefined;
  phone(path: string, value: string | null | undefined): string | null | undefined {
    if (value === undefined || value === null) return value;
    if (value.trim() === '') return null;
    const normalized = normalizePhone(value);
    if (normalized === null) {
      this.add(path, phoneError(value));
      return value;
    }
    return normalized;
  }

  throwIfAny(): void {
    if (this.errors.length > 0) {
      throw new DomainError('VALIDATION', 'The request has invalid fields.', { errors: this.errors });
    }
  }
}
