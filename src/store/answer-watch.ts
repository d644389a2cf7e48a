import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Remembers when the database last answered a query. A health check can then say the database is reachable
 * from what the server's own work just saw, instead of queueing a query of its own behind a busy pool (which
 * under load would make the check as slow as the slowest request). Only successful answers count, and
 * none from before the last sign of trouble (a connection lost or refused, told by the pool).
 */
export class AnswerWatch implements KyselyPlugin {
  private lastAnswerMs = Number.NEGATIVE_INFINITY;
  private lastTroubleMs = Number.NEGATIVE_INFINITY;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.lastAnswerMs = Date.now();
    return Promise.resolve(args.result);
  }

  /** A connection was lost or could not be opened: answers before now prove nothing any more. */
  noteTrouble(): void {
    this.lastTroubleMs = Date.now();
  }

  /** Whether the database answered a query within the last `withinMs`, with no trouble since. */
  answeredWithin(withinMs: number, now = Date.now()): boolean {
    return now - this.lastAnswerMs < withinMs && this.lastAnswerMs > this.lastTroubleMs;
  }
}
