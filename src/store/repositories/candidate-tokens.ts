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

  /** Keeps a link alive while its interview does (a reschedule moves the end of the process). */
  async extend(organizationId: string, interviewId: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('candidateTokens')
      .set({ expiresAt })
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .where('expiresAt', '<', expiresAt)
      .execute();
  }
}
