import type { QueryCreator } from 'kysely';
import type { Executor } from '../executor.ts';
import type { Database } from '../schema.ts';

export interface CandidateTokenRecord {
  id: string;
  organizationId: string;
  candidateId: string;
  openingId: string;
  interviewId: string;
  expiresAt: Date;
}

const COLUMNS = ['id', 'organizationId', 'candidateId', 'openingId', 'interviewId', 'expiresAt'] as const;

/** Candidate links are looked up by the hash of their token; the token itself is never stored. */
export class CandidateTokenRepository {
  constructor(private readonly db: Executor) {}

  async create(input: Omit<CandidateTokenRecord, 'id'> & { tokenHash: string }): Promise<CandidateTokenRecord> {
    return this.db.insertInto('candidateTokens').values(input).returning(COLUMNS).executeTakeFirstOrThrow();
  }

  async findValid(tokenHash: string, at: Date): Promise<CandidateTokenRecord | null> {
    const row = await this.db
      .selectFrom('candidateTokens')
      .select(COLUMNS)
      .where('tokenHash', '=', tokenHash)
      .where('expiresAt', '>', at)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Stores a new link for the interview and keeps its other links alive until the same time, in one
   * statement (a move changes the end of the process, and its messages carry a fresh link).
   */
  async createExtendingOthers(input: NewCandidateLink): Promise<void> {
    await withLinkRenewed(this.db, input).selectNoFrom((eb) => eb.lit(1).as('done')).execute();
  }
}

/** A link's row as it is stored: only the hash of its token. */
export type NewCandidateLink = Omit<CandidateTokenRecord, 'id'> & { tokenHash: string };

/** The parameters {@link withLinkRenewed} adds, in the order its text takes them. */
export function linkRenewedParameters(input: NewCandidateLink): unknown[] {
  return [input.expiresAt, input.organizationId, input.interviewId, input.expiresAt, ...Object.values(input)];
}

/**
 * Adds to a statement the CTEs that store a new link for the interview and keep its other links alive
 * until the same time: for {@link CandidateTokenRepository.createExtendingOthers}, and for a change of
 * time written in one statement with everything else it writes.
 */
export function withLinkRenewed(writer: QueryCreator<Database>, input: NewCandidateLink): QueryCreator<Database> {
  return writer
    .with('extended', (db) =>
      db
        .updateTable('candidateTokens')
        .set({ expiresAt: input.expiresAt })
        .where('organizationId', '=', input.organizationId)
        .where('interviewId', '=', input.interviewId)
        .where('expiresAt', '<', input.expiresAt),
    )
    .with('link', (db) => db.insertInto('candidateTokens').values(input)) as unknown as QueryCreator<Database>;
}
