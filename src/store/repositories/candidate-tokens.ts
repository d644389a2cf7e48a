import type { Executor } from '../executor.ts';

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
  async createExtendingOthers(input: Omit<CandidateTokenRecord, 'id'> & { tokenHash: string }): Promise<void> {
    await this.db
      .with('extended', (db) =>
        db
          .updateTable('candidateTokens')
          .set({ expiresAt: input.expiresAt })
          .where('organizationId', '=', input.organizationId)
          .where('interviewId', '=', input.interviewId)
          .where('expiresAt', '<', input.expiresAt),
      )
      .insertInto('candidateTokens')
      .values(input)
      .execute();
  }
}
