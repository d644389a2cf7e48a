import pg from 'pg';
import { MemberScheduleCache } from './member-schedule-cache.ts';
import { ALL_MEMBERS_NOTICE, MEMBER_CHANGES_CHANNEL } from './migrations/0013-member-change-notices.ts';
import { BUSY_CHANGE_PREFIX } from './migrations/0019-busy-changes-announced.ts';

/** Waits before subscribing again after the listener's connection was lost: doubling, up to the last. */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000, 10_000];
/** How long the round trip that makes sure this process's own writes are heard may take. */
const CATCH_UP_TIMEOUT_MS = 2_000;

/** How the listener's connection is named in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = 'leeway member listener';

/** Statements that change nothing another session could see: the rest count as writes. */
const CHANGES_NOTHING = /^\s*(select|begin|rollback|show|set|listen|unlisten)\b/i;

/** A listener that can be stopped. */
export interface MemberChangeListener {
  cache: MemberScheduleCache;
  close(): Promise<void>;
}

/** Hands a notice to the cache: the members it names, or all of them; their busy time only when it says so. */
function hear(cache: MemberScheduleCache, payload = ''): void {
  if (payload.startsWith(BUSY_CHANGE_PREFIX)) {
    const named = payload.slice(BUSY_CHANGE_PREFIX.length);
    if (named === ALL_MEMBERS_NOTICE) cache.forgetAllBusyTime();
    else cache.forgetBusyTime(named ? named.split(',') : []);
  } else if (payload === ALL_MEMBERS_NOTICE) cache.forgetAll();
  else cache.forget(payload ? payload.split(',') : []);
}

/**
 * Listens for member announcements on a PostgreSQL server over a connection of its own, subscribing
 * again with growing waits whenever it is lost (kept schedules are not used meanwhile). `noteWrites` is
 * to be installed on every pooled connection, so that the cache knows when this process wrote.
 *
 * @example
 * const listener = listenForMemberChanges(url); pool.on('connect', (client) => noteWrites(client, listener.cache));
 */
export function listenForMemberChanges(connectionString: string): MemberChangeListener {
  let client: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const cache = new MemberScheduleCache({
    catchUp: async () => {
      const asked = client;
      if (!asked) throw new Error('The member listener is not connected.');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('The member listener did not answer.')), CATCH_UP_TIMEOUT_MS);
      });
      try {
        await Promise.race([asked.query('SELECT 1'), timeout]);
      } catch (error) {
        // A connection that does not answer may have missed notices too: start over on a new one.
        lost(asked);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  });

  const lost = (failed: pg.Client): void => {
    if (client !== failed) return;
    client = undefined;
    cache.listenerLost();
    failed.removeAllListeners();
    failed.on('error', () => {});
    void failed.end().catch(() => {});
    scheduleConnect();
  };

  const scheduleConnect = (): void => {
    if (closed || retry) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!;
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref();
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000, application_name: LISTENER_APPLICATION_NAME });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (notice) => {
      if (notice.channel === MEMBER_CHANGES_CHANNEL) hear(cache, notice.payload);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${MEMBER_CHANGES_CHANNEL}`);
    } catch {
      lost(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    if (client === next) {
      failures = 0;
      cache.listenerReady();
    }
  };

  void connect();
  return {
    cache,
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      cache.listenerLost();
      if (last) {
        last.removeAllListeners();
        last.on('error', () => {});
        await last.end().catch(() => {});
      }
    },
  };
}

/**
 * Tells the cache whenever a statement that may have written ends on this pooled connection, so that a
 * later search first makes sure its announcement was heard.
 */
export function noteWrites(client: pg.ClientBase, cache: MemberScheduleCache): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const noted = (...args: unknown[]): unknown => {
    const result = query(...args);
    const [first] = args;
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string' && !CHANGES_NOTHING.test(text) && result instanceof Promise) {
      // Registered before the caller's own await, so the count is up before the caller goes on.
      result.then(
        () => cache.writeEnded(),
        () => cache.writeEnded(),
      );
    }
    return result;
  };
  client.query = noted as typeof client.query;
}

/**
 * On the embedded engine the engine itself listens, once, for all its sessions: an announcement comes with
 * the answer to the statement that commits, to whichever session sent it, before the caller goes on. Hand
 * every notification the sessions receive to `hear`, run the LISTEN with `subscribe`, and call `lost` when
 * the engine is gone.
 */
export function listenOnEmbeddedEngine(cache: MemberScheduleCache): {
  hear(notice: { channel: string; payload?: string }): void;
  subscribe(run: (statement: string) => Promise<unknown>): Promise<void>;
  lost(): void;
} {
  return {
    hear(notice) {
      if (notice.channel === MEMBER_CHANGES_CHANNEL) hear(cache, notice.payload);
    },
    subscribe: (run) =>
      run(`LISTEN ${MEMBER_CHANGES_CHANNEL}`).then(
        () => cache.listenerReady(),
        () => cache.listenerLost(),
      ),
    lost: () => cache.listenerLost(),
  };
}
