import { DomainError } from '../core/errors.ts';
import type { FieldError } from '../core/working-hours.ts';
import { isValidTimeZone } from '../core/zoned-time.ts';

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

  throwIfAny(): void {
    if (this.errors.length > 0) {
      throw new DomainError('VALIDATION', 'The request has invalid fields.', { errors: this.errors });
    }
  }
}
