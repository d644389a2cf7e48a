import type { Executor } from './executor.ts';
import type { NewOutboxMessage } from './repositories/outbox.ts';
import { writeOutboxRows } from './repositories/outbox.ts';
import type { NewPanelToken } from './repositories/panel-tokens.ts';
import { panelTokenRows } from './repositories/panel-tokens.ts';

export type HeldMessage = { message: NewOutboxMessage; at: Date };
export type HeldSeatLink = NewPanelToken & { createdAt: Date };

/**
 * The rows a change's messages add — outbox emails and panelists' seat links — held back within a
 * transaction so they go to the database with the change's history line, as parts of its statement,
 * instead of in statements of their own (two round trips fewer for every change that tells someone).
 *
 * Rows are held only while {@link hold} runs (a change's messages being rendered and queued, which
 * reads neither table afterwards). They are then written by the next history insert of the same
 * transaction, or by {@link flush}, which the transaction runs before it commits: held rows are never
 * lost, and never outlive their transaction.
 */
export class HeldWrites {
  #holding = false;
  #messages: HeldMessage[] = [];
  #seatLinks: HeldSeatLink[] = [];

  /** Whether an insert of outbox rows or seat links should be held rather than written. */
  get holding(): boolean {
    return this.#holding;
  }

  async hold<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.#holding;
    this.#holding = true;
    try {
      return await work();
    } finally {
      this.#holding = outer;
    }
  }

  addMessages(messages: readonly HeldMessage[]): void {
    this.#messages.push(...messages);
  }

  addSeatLinks(links: readonly NewPanelToken[], at: Date): void {
    for (const link of links) this.#seatLinks.push({ ...link, createdAt: at });
  }

  /** Everything held so far, handed over to be written (and no longer held). */
  take(): { messages: HeldMessage[]; seatLinks: HeldSeatLink[] } {
    const taken = { messages: this.#messages, seatLinks: this.#seatLinks };
    this.#messages = [];
    this.#seatLinks = [];
    return taken;
  }

  /** Writes whatever is still held, one statement per table (none when nothing is). */
  async flush(db: Executor): Promise<void> {
    const { messages, seatLinks } = this.take();
    if (seatLinks.length > 0) await db.insertInto('panelTokens').values(panelTokenRows(seatLinks)).execute();
    if (messages.length > 0) await writeOutboxRows(db, messages);
  }
}
