import { DomainError } from '../../core/errors.ts';
import { PartiesChangedMeanwhile } from '../../store/index.ts';
import type { KeptPartiesCheck } from '../../store/index.ts';

/**
 * One request's use of kept parties (see `KeptParties`) across the attempts `Store.inOneStatement` makes.
 * An attempt may be decided on kept parties until they first lead to a refusal: a refusal decided on
 * them (an opening closed, hours since widened, a panelist gone) may no longer hold, and a write whose
 * check found them changed wrote nothing. Either way they are forgotten and every later attempt of the
 * request reads afresh, which is also what says why a refusal that stands is one.
 */
export class KeptPartiesAttempt {
  #refused = false;

  /** Whether the next attempt may be answered from kept parties. */
  get allowed(): boolean {
    return !this.#refused;
  }

  /**
   * Runs the decision and the write made on parties read with `check` (none when they were read afresh).
   * A refusal on kept parties becomes {@link PartiesChangedMeanwhile}, which runs the attempt again.
   *
   * @example
   * const read = await loadMoveParties(store, interview, undefined, { kept: attempt.allowed });
   * return attempt.decide(read.check, async () => { … await writeChange(…, { keptParties: read.check }); });
   */
  async decide<T>(check: KeptPartiesCheck | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (check && (error instanceof DomainError || error instanceof PartiesChangedMeanwhile)) {
        this.#refused = true;
        check.forget();
        throw new PartiesChangedMeanwhile();
      }
      throw error;
    }
  }
}
