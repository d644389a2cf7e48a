import type { Executor } from '../executor.ts';

export interface ApiKeyRecord {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = ['id', 'organizationId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;

/** API keys are stored as hashes only; the plain key is shown once, when created. */
export class ApiKeyRepository {
  constructor(private readonly db: Executor) {}

  async create(input: { organizationId: string; name: string; prefix: string; keyHash: string }): Promise<ApiKeyRecord> {
    return this.db.insertInto('apiKeys').values(input).returning(COLUMNS).executeTakeFirstOrThrow();
  }

  async findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const row = await this.db
      .selectFrom('apiKeys')
      .select(COLUMNS)
      .where('keyHash', '=', keyHash)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable('apiKeys').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }

  async list(organizationId: string): Promise<ApiKeyRecord[]> {
    return this.db
      .selectFrom('apiKeys')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .orderBy('createdAt')
      .execute();
  }

  async revoke(organizationId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('apiKeys')
      .set({ revokedAt: at })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
