import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { DatabaseBusyError, InterviewChangedMeanwhile, PartiesChangedMeanwhile } from './database-errors.ts';
import { KeptParties } from './kept-parties.ts';
import type { DatabaseEngine } from './connect.ts';
import type { AnswerWatch } from './answer-watch.ts';
import type { Executor } from './executor.ts';
import { HeldWrites } from './held-writes.ts';
import type { MemberScheduleCache } from './member-schedule-cache.ts';
import { AnalyticsRepository } from './repositories/analytics.ts';
import { AnalyticsSeriesRepository } from './repositories/analytics-series.ts';
import { ApiKeyRepository } from './repositories/api-keys.ts';
import { CandidateTokenRepository } from './repositories/candidate-tokens.ts';
import { DashboardRepository } from './repositories/dashboard.ts';
import { IdempotencyRepository } from './repositories/idempotency.ts';
import { InterviewRepository } from './repositories/interviews.ts';
import { MemberRepository } from './repositories/members.ts';
import { CandidateRepository, OpeningEndRepository, OpeningRepository } from './repositories/openings.ts';
import { OrganizationRepository } from './repositories/organizations.ts';
import { OutboxRepository } from './repositories/outbox.ts';
import { PanelTokenRepository } from './repositories/panel-tokens.ts';
import { UserRepository } from './repositories/users.ts';
import { JobRepository } from './repositories/jobs.ts';
import { WaitlistRepository } from './repositories/waitlist.ts';
import { WebhookRepository } from './repositories/webhooks.ts';
import { InboundReplyRepository } from './repositories/inbound-replies.ts';
import { CalendarSourceRepository } from './repositories/calendar-sources.ts';
import type { Database } from './schema.ts';
import { analyzeGrownTables, autovacuumIsOn, vacuumChurningTables } from './upkeep.ts';

const MAX_TRANSACTION_ATTEMPTS = 5;
/** An answer this recent proves the database reachable to a health check. */
const RECENT_ANSWER_MS = 1_000;

/** deadlock_detected and serialization_failure: the transaction did nothing wrong and may simply run again. */
function isRetryableConflict(error: unknown): boolean {
  if (error instanceof InterviewChangedMeanwhile || error instanceof PartiesChangedMeanwhile) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
  return code === '40P01' || code === '40001';
}

/**
 * What the caller hears when an interview kept changing under every attempt at a change of its own: a
 * moment of contention, answered as a busy database (503 with Retry-After), so a retry with the same
 * Idempotency-Key is run rather than answered with a stored refusal.
 */
function changedUnderEveryAttempt(error: unknown): unknown {
  if (error instanceof PartiesChangedMeanwhile) return new DatabaseBusyError('The parties of a new interview kept changing while it was being written.');
  if (!(error instanceof InterviewChangedMeanwhile)) return error;
  return new DatabaseBusyError(`Interview ${error.interviewId} kept changing while a change of it was being written.`);
}

/**
 * Every repository over one executor. The use cases see only this: no driver types, and the same code
 * runs inside or outside a transaction.
 */
export class Store {
  readonly organizations: OrganizationRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly members: MemberRepository;
  readonly openings: OpeningRepository;
  readonly openingEnds: OpeningEndRepository;
  readonly candidates: CandidateRepository;
  readonly interviews: InterviewRepository;
  readonly candidateTokens: CandidateTokenRepository;
  readonly idempotency: IdempotencyRepository;
  readonly outbox: OutboxRepository;
  readonly users: UserRepository;
  readonly panelTokens: PanelTokenRepository;
  readonly analytics: AnalyticsRepository;
  readonly jobs: JobRepository;
  readonly waitlist: WaitlistRepository;
  readonly dashboard: DashboardRepository;
  readonly analyticsSeries: AnalyticsSeriesRepository;
  readonly webhooks: WebhookRepository;
  readonly inboundReplies: InboundReplyRepository;
  readonly calendarSources: CalendarSourceRepository;

  constructor(
    private readonly executor: Executor,
    readonly engine: DatabaseEngine,
    /** When the database last answered; absent inside a transaction, whose store is not asked for health. */
    private readonly answers?: AnswerWatch,
    /** Inside a transaction: a change's messages and seat links held back for its history line. */
    private readonly held?: HeldWrites,
    /** Members' schedules and busy time kept while their changes are heard; used only outside a transaction. */
    private readonly schedules?: MemberScheduleCache,
    /**
     * Inside a transaction that {@link asOneTransaction} began for a whole request: where the names of
     * its savepoints come from. Each transaction the request's work opens is then a savepoint of it.
     */
    private readonly savepoints?: { next: number },
    /** The parties of new interviews as last read; used only outside a transaction (see `KeptParties`). */
    private readonly parties?: KeptParties,
  ) {
    this.organizations = new OrganizationRepository(executor, executor.isTransaction ? undefined : parties);
    this.apiKeys = new ApiKeyRepository(executor);
    this.members = new MemberRepository(executor, executor.isTransaction ? undefined : schedules);
    this.openings = new OpeningRepository(executor);
    this.openingEnds = new OpeningEndRepository(executor);
    this.candidates = new CandidateRepository(executor);
    this.interviews = new InterviewRepository(executor, held);
    this.candidateTokens = new CandidateTokenRepository(executor);
    this.idempotency = new IdempotencyRepository(executor);
    this.outbox = new OutboxRepository(executor, held);
    this.users = new UserRepository(executor);
    this.panelTokens = new PanelTokenRepository(executor, held);
    this.analytics = new AnalyticsRepository(executor);
    this.jobs = new JobRepository(executor);
    this.waitlist = new WaitlistRepository(executor);
    this.dashboard = new DashboardRepository(executor);
    this.analyticsSeries = new AnalyticsSeriesRepository(executor);
    this.webhooks = new WebhookRepository(executor);
    this.inboundReplies = new InboundReplyRepository(executor);
    this.calendarSources = new CalendarSourceRepository(executor);
  }

  /**
   * Runs the work in one transaction; nested calls join the outer one. Concurrent inserts checked by an
   * exclusion constraint can deadlock each other (PostgreSQL then aborts one of them); such a transaction
   * is run again, and on the second try it meets the committed booking and fails cleanly as SLOT_TAKEN.
   * The work must therefore touch nothing but the database.
   */
  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.savepoints) return this.inSavepoint(work);
    if (this.executor.isTransaction) return work(this);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await (this.executor as Kysely<Database>).transaction().execute(async (trx) => {
          const held = new HeldWrites();
          const result = await work(new Store(trx, this.engine, undefined, held));
          // What a change held back and no history line took is written before the commit.
          await held.flush(trx);
          return result;
        });
      } catch (error) {
        if (!isRetryableConflict(error)) throw error;
        if (attempt >= MAX_TRANSACTION_ATTEMPTS) throw changedUnderEveryAttempt(error);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * Runs a whole unit of work — an HTTP request whose answer must be kept with what it changed — as one
   * transaction: either everything it wrote commits, together with whatever `work` writes last (its
   * answer), or nothing does. Each transaction the work opens inside (`transaction`, `inOneStatement`) is
   * a savepoint of this one, so a part that fails is undone alone, its held messages with it, and one
   * that meets a deadlock runs again as it would on its own; a failure outside them fails the whole.
   * Nothing in `work` may wait on other servers: the transaction holds its rows and a connection.
   */
  async asOneTransaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.executor.isTransaction) throw new Error('asOneTransaction begins a transaction of its own.');
    return (this.executor as Kysely<Database>).transaction().execute(async (trx) => {
      const held = new HeldWrites();
      const result = await work(new Store(trx, this.engine, undefined, held, undefined, { next: 1 }));
      await held.flush(trx);
      return result;
    });
  }

  /**
   * A transaction opened inside {@link asOneTransaction}: a savepoint, released when `work` succeeds,
   * rolled back to when it fails (and run again after a deadlock, as {@link transaction} would). Its
   * messages are held for it alone, so a part undone takes them along.
   */
  private async inSavepoint<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const trx = this.executor as Transaction<Database>;
    const savepoints = this.savepoints!;
    for (let attempt = 1; ; attempt += 1) {
      const name = sql.id(`leeway_part_${savepoints.next++}`);
      await sql`SAVEPOINT ${name}`.execute(trx);
      const held = new HeldWrites();
      try {
        const result = await work(new Store(trx, this.engine, undefined, held, undefined, savepoints));
        await held.flush(trx);
        await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
        return result;
      } catch (error) {
        // Should the rollback fail too, the transaction is lost anyway: the part's own error says more.
        await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx).catch(() => undefined);
        if (!isRetryableConflict(error)) throw error;
        if (attempt >= MAX_TRANSACTION_ATTEMPTS) throw changedUnderEveryAttempt(error);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * Whether a transaction opened on this store is a part of a larger one that is undone alone when it
   * fails (inside {@link asOneTransaction}), rather than simply joining the transaction it is in.
   */
  get undoesPartsAlone(): boolean {
    return this.savepoints !== undefined;
  }

  /** Whether this store's statements run inside a transaction. */
  get inTransaction(): boolean {
    return this.executor.isTransaction;
  }

  /**
   * Runs the work of a change written by a single statement, outside any transaction: the statement is a
   * transaction of its own, sent without BEGIN and COMMIT, and nothing holds the database while the work
   * reads, decides and renders before it. The change's messages and seat links are held back (see
   * {@link holdingMessageWrites}) for that statement to take; whatever it left is written after it, one
   * statement per table. Inside a transaction, the work simply joins it. A deadlock between two such
   * statements is met as in {@link transaction}: the work runs again, so it must touch nothing but the
   * database.
   */
  async inOneStatement<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.savepoints) return this.inSavepoint(work);
    if (this.executor.isTransaction) return work(this);
    for (let attempt = 1; ; attempt += 1) {
      const held = new HeldWrites();
      try {
        const result = await work(new Store(this.executor, this.engine, this.answers, held, this.schedules, undefined, this.parties));
        await held.flush(this.executor);
        return result;
      } catch (error) {
        if (!isRetryableConflict(error)) throw error;
        if (attempt >= MAX_TRANSACTION_ATTEMPTS) throw changedUnderEveryAttempt(error);
        // Kept parties found stale are read afresh at once: nobody else needs a moment to finish first.
        if (error instanceof PartiesChangedMeanwhile) continue;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * Runs `work` — a change's messages being rendered and queued — with the outbox rows and seat links it
   * writes held back, to be written by the transaction's next history line in the same statement (or
   * before the commit; in {@link inOneStatement}, by its statement). Otherwise the rows are written as they come.
   */
  async holdingMessageWrites<T>(work: () => Promise<T>): Promise<T> {
    return this.held ? this.held.hold(work) : work();
  }

  /**
   * Vacuums (and, unless told not to, analyzes) the tables Leeway keeps updating (see `upkeep.ts`), when
   * nothing else does: always on the embedded engine, which has no autovacuum (analyzing a smaller sample
   * there, since each statement holds the server's thread); on PostgreSQL only while its autovacuum is off.
   * Returns whether it ran.
   */
  async vacuumIfNeeded(options: { analyze: boolean } = { analyze: true }): Promise<boolean> {
    if (this.executor.isTransaction) throw new Error('VACUUM cannot run inside a transaction.');
    if (this.engine === 'postgres' && (await autovacuumIsOn(this.executor))) return false;
    await vacuumChurningTables(this.executor as Kysely<Database>, { ...options, lightSample: this.engine === 'pglite' });
    return true;
  }

  /**
   * Analyzes the tables whose statistics have fallen well behind their rows (see `analyzeGrownTables`),
   * where no autovacuum does; returns their names.
   */
  async analyzeGrownIfNeeded(): Promise<string[]> {
    if (this.executor.isTransaction) throw new Error('The upkeep cannot run inside a transaction.');
    if (this.engine === 'postgres' && (await autovacuumIsOn(this.executor))) return [];
    return analyzeGrownTables(this.executor as Kysely<Database>, { countsChangedRows: this.engine === 'postgres' });
  }

  /**
   * Whether the database is reachable, for health checks: true at once when it answered one of this
   * store's queries within the last second (a busy server's requests show it does, and a check of its own
   * would wait in the pool behind them), otherwise after a cheap round trip.
   */
  async ping(): Promise<boolean> {
    if (this.answers?.answeredWithin(RECENT_ANSWER_MS)) return true;
    await this.executor.selectFrom('organizations').select('id').limit(1).execute();
    return true;
  }
}
