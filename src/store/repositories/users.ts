import type { Executor } from '../executor.ts';

export interface UserRecord {
  id: string;
  organizationId: string;
  email: string;
  passwordHash: string;
  memberId: string | null;
}

export interface SessionRecord {
  id: string;
  organizationId: string;
  userId: string;
  csrfHash: string;
  expiresAt: Date;
}

const USER_COLUMNS = ['id', 'organizationId', 'email', 'passwordHash', 'memberId'] as const;
const SESSION_COLUMNS = ['id', 'organizationId', 'userId', 'csrfHash', 'expiresAt'] as const;

/** Dashboard users and their sessions; passwords and session tokens are stored hashed. */
export class UserRepository {
  constructor(private readonly db: Executor) {}

  async create(input: Omit<UserRecord, 'id'>): Promise<UserRecord> {
    return this.db.insertInto('users').values(input).returning(USER_COLUMNS).executeTakeFirstOrThrow();
  }

  async get(organizationId: string, id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').select(USER_COLUMNS).where('organizationId', '=', organizationId).where('id', '=', id).executeTakeFirst();
    return row ?? null;
  }

  /** An email may belong to users of several organizations; the caller checks each password. */
  async findByEmail(email: string): Promise<UserRecord[]> {
    return this.db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email.toLowerCase()).execute();
  }

  async createSession(input: Omit<SessionRecord, 'id'> & { tokenHash: string }): Promise<SessionRecord> {
    return this.db.insertInto('sessions').values(input).returning(SESSION_COLUMNS).executeTakeFirstOrThrow();
  }

  async findSession(tokenHash: string, at: Date): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('sessions')
      .select(SESSION_COLUMNS)
      .where('tokenHash', '=', tokenHash)
      .where('expiresAt', '>', at)
      .executeTakeFirst();
    return row ?? null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
  }
}
