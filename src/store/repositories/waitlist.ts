import { sql } from 'kysely';
import type { QueryCreator, RawBuilder } from 'kysely';
import type { Executor } from '../executor.ts';
import type { Database } from '../schema.ts';
import { isUuid } from '../ids.ts';

export type WaitlistEntryStatus = 'waiting' | 'filled' | 'removed' | 'closed';
export type FreedSlotStatus = 'open' | 'filled' | 'lapsed';
export type WaitlistOfferStatus = 'offered' | 'claimed' | 'expired' | 'withdrawn' | 'declined';

export interface WaitlistEntry {
  id: string;
  organizationId: string;
  openingId: string;
  candidateId: string;
  panel: string[];
  durationMinutes: number;
  earliest: Date | null;
  latest: Date | null;
  status: WaitlistEntryStatus;
  joinedAt: Date;
  endedAt: Date | null;
  interviewId: string | null;
}

export interface NewWaitlistEntry {
  openingId: string;
  candidateId: string;
  panel: string[];
  durationMinutes: number;
  earliest: Date | null;
  latest: Date | null;
  joinedAt: Date;
}

export interface FreedSlot {
  id: string;
  organizationId: string;
  openingId: string;
  sourceInterviewId: string | null;
  panel: string[];
  startAt: Date;
  endAt: Date;
  freedAt: Date;
  status: FreedSlotStatus;
  filledAt: Date | null;
  filledEntryId: string | null;
}

export interface WaitlistOffer {
  id: string;
  organizationId: string;
  freedSlotId: string;
  entryId: string;
  status: WaitlistOfferStatus;
  offeredAt: Date;
  expiresAt: Date;
  resolvedAt: Date | null;
}

/** Panel time a change gave up, as it is recorded for the waitlist. */
export interface NewFreedSlot {
  openingId: string;
  sourceInterviewId: string | null;
  panel: string[];
  start: Date;
  end: Date;
  freedAt: Date;
}

/**
 * The insert that records freed time (see {@link WaitlistRepository.recordFreedSlot}): nothing for an
 * opening that is not open, nor unless `also` holds; `open` when someone waits on its waitlist, `lapsed` at
 * once otherwise. For a statement of its own or a CTE of the change's statement.
 */
export function freedSlotRecorded(db: QueryCreator<Database>, organizationId: string, input: NewFreedSlot, also: RawBuilder<boolean> = sql<boolean>`true`) {
  return db
    .insertInto('freedSlots')
    .columns(['organizationId', 'openingId', 'sourceInterviewId', 'panel', 'startAt', 'endAt', 'freedAt', 'status'])
    .expression((eb) =>
      eb
        .selectFrom('openings as o')
        .select([
          sql<string>`${organizationId}::uuid`.as('organizationId'),
          'o.id',
          sql<string | null>`${input.sourceInterviewId}::uuid`.as('sourceInterviewId'),
          sql<string>`${JSON.stringify(input.panel)}::jsonb`.as('panel'),
          sql<Date>`${input.start}::timestamptz`.as('startAt'),
          sql<Date>`${input.end}::timestamptz`.as('endAt'),
          sql<Date>`${input.freedAt}::timestamptz`.as('freedAt'),
          sql<FreedSlotStatus>`CASE WHEN EXISTS (
            SELECT 1 FROM waitlist_entries w WHERE w.organization_id = o.organization_id AND w.opening_id = o.id AND w.status = 'waiting'
          ) THEN 'open' ELSE 'lapsed' END`.as('status'),
        ])
        .where('o.organizationId', '=', organizationId)
        .where('o.id', '=', input.openingId)
        .where('o.status', '=', 'open')
        .where(also),
    );
}

/** The parameters {@link freedSlotRecorded} sends (with `also` free of any), in the order its text takes them. */
export function freedSlotRecordedParameters(organizationId: string, input: NewFreedSlot): unknown[] {
  return [organizationId, input.sourceInterviewId, JSON.stringify(input.panel), input.start, input.end, input.freedAt, organizationId, input.openingId, 'open'];
}

const ENTRY_COLUMNS = ['id', 'organizationId', 'openingId', 'candidateId', 'panel', 'durationMinutes', 'earliest', 'latest', 'status', 'joinedAt', 'endedAt', 'interviewId'] as const;
const SLOT_COLUMNS = ['id', 'organizationId', 'openingId', 'sourceInterviewId', 'panel', 'startAt', 'endAt', 'freedAt', 'status', 'filledAt', 'filledEntryId'] as const;
const OFFER_COLUMNS = ['id', 'organizationId', 'freedSlotId', 'entryId', 'status', 'offeredAt', 'expiresAt', 'resolvedAt'] as const;

const entry = <T extends { status: string }>(row: T) => row as T & { status: WaitlistEntryStatus };
const slot = <T extends { status: string }>(row: T) => row as T & { status: FreedSlotStatus };
const offer = <T extends { status: string }>(row: T) => row as T & { status: WaitlistOfferStatus };

/** Waitlist entries, the panel time that became free, and the offers of it. Every query is per organization. */
export class WaitlistRepository {
  constructor(private readonly db: Executor) {}

  async addEntry(organizationId: string, input: NewWaitlistEntry): Promise<WaitlistEntry> {
    const row = await this.db
      .insertInto('waitlistEntries')
      .values({
        organizationId,
        openingId: input.openingId,
        candidateId: input.candidateId,
        panel: JSON.stringify(input.panel),
        durationMinutes: input.durationMinutes,
        earliest: input.earliest,
        latest: input.latest,
        joinedAt: input.joinedAt,
      })
      .returning(ENTRY_COLUMNS)
      .executeTakeFirstOrThrow();
    return entry(row);
  }

  async getEntry(organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<WaitlistEntry | null> {
    if (!isUuid(id)) return null;
    let query = this.db.selectFrom('waitlistEntries').select(ENTRY_COLUMNS).where('organizationId', '=', organizationId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? entry(row) : null;
  }

  /** An opening's entries in the order they joined (then id): a page of `limit` after the entry `after`. */
  async listEntries(
    organizationId: string,
    openingId: string,
    page: { limit?: number; after?: { joinedAt: Date; id: string } | null; status?: WaitlistEntryStatus } = {},
  ): Promise<WaitlistEntry[]> {
    let query = this.db.selectFrom('waitlistEntries').select(ENTRY_COLUMNS).where('organizationId', '=', organizationId).where('openingId', '=', openingId);
    if (page.status) query = query.where('status', '=', page.status);
    const after = page.after;
    if (after) {
      query = query.where((eb) => eb.or([eb('joinedAt', '>', after.joinedAt), eb.and([eb('joinedAt', '=', after.joinedAt), eb('id', '>', after.id)])]));
    }
    const rows = await query.orderBy('joinedAt').orderBy('id').limit(page.limit ?? 1000).execute();
    return rows.map(entry);
  }

  /** Ends a waiting entry (filled, removed or closed); false when it was not waiting. */
  async endEntry(organizationId: string, id: string, status: Exclude<WaitlistEntryStatus, 'waiting'>, at: Date, interviewId: string | null = null): Promise<boolean> {
    const result = await this.db
      .updateTable('waitlistEntries')
      .set({ status, endedAt: at, interviewId })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Closes every waiting entry of an opening; returns the entries closed. */
  async closeWaiting(organizationId: string, openingId: string, at: Date): Promise<WaitlistEntry[]> {
    const rows = await this.db
      .updateTable('waitlistEntries')
      .set({ status: 'closed', endedAt: at })
      .where('organizationId', '=', organizationId)
      .where('openingId', '=', openingId)
      .where('status', '=', 'waiting')
      .returning(ENTRY_COLUMNS)
      .execute();
    return rows.map(entry).sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /**
   * Records panel time a change freed, in one statement, if its opening is still open (else nothing, and
   * null): `open` when someone of the opening is waiting, `lapsed` at once when nobody is.
   */
  async recordFreedSlot(organizationId: string, input: NewFreedSlot): Promise<FreedSlot | null> {
    const row = await freedSlotRecorded(this.db, organizationId, input).returning(SLOT_COLUMNS).executeTakeFirst();
    return row ? slot(row) : null;
  }

  /** A freed slot; `forUpdate` serialises everything that decides who gets it. */
  async getFreedSlot(organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<FreedSlot | null> {
    if (!isUuid(id)) return null;
    let query = this.db.selectFrom('freedSlots').select(SLOT_COLUMNS).where('organizationId', '=', organizationId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? slot(row) : null;
  }

  async listFreedSlots(organizationId: string, filter: { openingId?: string; status?: FreedSlotStatus } = {}): Promise<FreedSlot[]> {
    let query = this.db.selectFrom('freedSlots').select(SLOT_COLUMNS).where('organizationId', '=', organizationId);
    if (filter.openingId) query = query.where('openingId', '=', filter.openingId);
    if (filter.status) query = query.where('status', '=', filter.status);
    return (await query.orderBy('freedAt').orderBy('id').execute()).map(slot);
  }

  async fillSlot(organizationId: string, id: string, entryId: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('freedSlots')
      .set({ status: 'filled', filledAt: at, filledEntryId: entryId })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async lapseSlot(organizationId: string, id: string): Promise<void> {
    await this.db.updateTable('freedSlots').set({ status: 'lapsed' }).where('organizationId', '=', organizationId).where('id', '=', id).where('status', '=', 'open').execute();
  }

  /** A lapsed slot is asked about again (a newcomer joined the waitlist); false when it was not lapsed. */
  async reopenSlot(organizationId: string, id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('freedSlots')
      .set({ status: 'open' })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .where('status', '=', 'lapsed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Open slots of an opening, to lapse when the opening ends. */
  async lapseOpenSlots(organizationId: string, openingId: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('freedSlots')
      .set({ status: 'lapsed' })
      .where('organizationId', '=', organizationId)
      .where('openingId', '=', openingId)
      .where('status', '=', 'open')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async addOffer(organizationId: string, input: { freedSlotId: string; entryId: string; tokenHash: string; offeredAt: Date; expiresAt: Date }): Promise<WaitlistOffer> {
    const row = await this.db
      .insertInto('waitlistOffers')
      .values({ organizationId, ...input })
      .returning(OFFER_COLUMNS)
      .executeTakeFirstOrThrow();
    return offer(row);
  }

  /** An offer by the hash of its link token, in any organization (the token is the credential). */
  async findOfferByTokenHash(tokenHash: string, options: { forUpdate?: boolean } = {}): Promise<WaitlistOffer | null> {
    let query = this.db.selectFrom('waitlistOffers').select(OFFER_COLUMNS).where('tokenHash', '=', tokenHash);
    if (options.forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? offer(row) : null;
  }

  async getOffer(organizationId: string, id: string): Promise<WaitlistOffer | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.selectFrom('waitlistOffers').select(OFFER_COLUMNS).where('organizationId', '=', organizationId).where('id', '=', id).executeTakeFirst();
    return row ? offer(row) : null;
  }

  /** Whether an entry holds an offer that still stands, of any freed time. */
  async hasStandingOffer(organizationId: string, entryId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('waitlistOffers')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('entryId', '=', entryId)
      .where('status', '=', 'offered')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async offersOfSlot(organizationId: string, freedSlotId: string): Promise<WaitlistOffer[]> {
    const rows = await this.db
      .selectFrom('waitlistOffers')
      .select(OFFER_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('freedSlotId', '=', freedSlotId)
      .orderBy('offeredAt')
      .orderBy('id')
      .execute();
    return rows.map(offer);
  }

  /** Standing offers made to an entry (of any slot). */
  async openOffersOfEntry(organizationId: string, entryId: string): Promise<WaitlistOffer[]> {
    const rows = await this.db
      .selectFrom('waitlistOffers')
      .select(OFFER_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('entryId', '=', entryId)
      .where('status', '=', 'offered')
      .execute();
    return rows.map(offer);
  }

  /** Settles a standing offer; false when it was no longer standing. The unique index allows one claim per slot. */
  async resolveOffer(organizationId: string, id: string, status: Exclude<WaitlistOfferStatus, 'offered'>, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('waitlistOffers')
      .set({ status, resolvedAt: at })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .where('status', '=', 'offered')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
