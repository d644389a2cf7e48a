import { sql } from 'kysely';
import type { Executor } from '../executor.ts';

export interface PanelTokenRecord {
  id: string;
  organizationId: string;
  interviewId: string;
  memberId: string;
  expiresAt: Date;
}

const COLUMNS = ['id', 'organizationId', 'interviewId', 'memberId', 'expiresAt'] as const;

/** A seat link to store: the token's hash, never the token. */
export type NewPanelToken = Omit<PanelTokenRecord, 'id'> & { tokenHash: string };

/** Where a transaction keeps a change's seat links until its history line is written (see `HeldWrites`). */
export interface SeatLinkHolder {
  readonly holding: boolean;
  addSeatLinks(links: readonly NewPanelToken[], at: Date): void;
}

/** Seat links with their creation time, as rows for an insert. */
export function panelTokenRows(links: ReadonlyArray<NewPanelToken & { createdAt: Date }>) {
  return links.map(({ organizationId, interviewId, memberId, expiresAt, tokenHash, createdAt }) => ({ organizationId, interviewId, memberId, expiresAt, tokenHash, createdAt }));
}

/**
 * A panelist's private links to their own seat, looked up by the hash of the token; the token itself is
 * never stored. Also what ranking stand-ins needs to know of members' bookings.
 */
export class PanelTokenRepository {
  constructor(
    private readonly db: Executor,
    /** Inside a transaction: where seat links wait to go with the history line. */
    private readonly held?: SeatLinkHolder,
  ) {}

  async create(input: NewPanelToken, at: Date): Promise<PanelTokenRecord> {
    return this.db
      .insertInto('panelTokens')
      .values({ ...input, createdAt: at })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  /**
   * Several panelists' tokens in one statement (an invitation goes to the whole panel at once); while the
   * transaction holds a change's writes, they are held to go with its history line instead.
   */
  async createMany(inputs: NewPanelToken[], at: Date): Promise<void> {
    if (inputs.length === 0) return;
    if (this.held?.holding) {
      this.held.addSeatLinks(inputs, at);
      return;
    }
    await this.db
      .insertInto('panelTokens')
      .values(panelTokenRows(inputs.map((input) => ({ ...input, createdAt: at }))))
      .execute();
  }

  async findValid(tokenHash: string, at: Date): Promise<PanelTokenRecord | null> {
    const row = await this.db
      .selectFrom('panelTokens')
      .select(COLUMNS)
      .where('tokenHash', '=', tokenHash)
      .where('expiresAt', '>', at)
      .executeTakeFirst();
    return row ?? null;
  }

  /** A panelist who left a panel keeps no working link to it. */
  async revoke(organizationId: string, interviewId: string, memberId: string): Promise<void> {
    await this.db
      .deleteFrom('panelTokens')
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .where('memberId', '=', memberId)
      .execute();
  }

  /**
   * Members who declined a seat on any interview overlapping this time: they said they cannot make it,
   * so they stand in for nobody then, although their booking was released.
   */
  async declinedDuring(organizationId: string, start: Date, end: Date): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('interviewHistory')
      .innerJoin('interviews', (join) => join.onRef('interviews.id', '=', 'interviewHistory.interviewId').onRef('interviews.organizationId', '=', 'interviewHistory.organizationId'))
      .select(sql<string>`interview_history.details->>'memberId'`.as('memberId'))
      .where('interviewHistory.organizationId', '=', organizationId)
      .where('interviewHistory.action', '=', 'panel_declined')
      .where('interviews.startAt', '<', end)
      .where('interviews.endAt', '>', start)
      .execute();
    return new Set(rows.map((row) => row.memberId).filter((id): id is string => typeof id === 'string'));
  }

  /** How many times a declined seat of this interview was taken by a stand-in (its history says). */
  async replacementsOf(organizationId: string, interviewId: string): Promise<number> {
    const row = await this.db
      .selectFrom('interviewHistory')
      .select(sql<string>`count(*)`.as('n'))
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .where('action', '=', 'panel_replaced')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
