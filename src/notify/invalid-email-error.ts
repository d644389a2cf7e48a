/**
 * Thrown before anything is sent when an `OutgoingEmail` cannot be delivered as it is: no
 * recipient, a malformed Message-ID, a line break in an address or the subject. Sending it again would
 * fail the same way, so it counts as a permanent failure.
 */
export class InvalidEmailError extends Error {
  override readonly name = 'InvalidEmailError';
  constructor(
    message: string,
    /** The property at fault, e.g. `to[0].address`. */
    readonly field: string,
  ) {
    super(message);
  }
}
