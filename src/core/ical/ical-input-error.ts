/**
 * Thrown when a calendar cannot be written from the options given: an invalid date, an end before the
 * start, an address that would break out of its property. These are programming errors upstream (the
 * core validated the interview before), so they throw instead of returning a decision.
 */
export class IcalInputError extends Error {
  override readonly name = 'IcalInputError';
  constructor(
    message: string,
    /** The option at fault, e.g. `attendees[1].email`. */
    readonly field: string,
  ) {
    super(message);
  }
}
