import { CamelCasePlugin, PostgresDialect, PostgresQueryCompiler } from 'kysely';
import type { PluginTransformQueryArgs, QueryCompiler, RootOperationNode } from 'kysely';
import { RecentAnswers } from '../core/recent-answers.ts';

/**
 * Tables and columns are snake_case in SQL and camelCase in TypeScript. Kysely's `CamelCasePlugin` renames
 * them by copying the whole tree of every query, node by frozen node, before the compiler walks it again:
 * under a booking load that copy was about a twentieth of the server's CPU. Here the compiler renames each
 * identifier as it writes it, with the plugin's own mapping, and the plugin is left the answers' keys.
 */

/** The answers' keys in camelCase (nested objects too, as `CamelCasePlugin` does); the query is left as the dialect writes it. */
export class CamelCaseAnswers extends CamelCasePlugin {
  override transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  /** The SQL name of a TypeScript one, by the plugin's own mapping. */
  sqlName(name: string): string {
    return this.snakeCase(name);
  }
}

const mapping = new CamelCaseAnswers();

/** Written identifiers by name: names come from the code, so few are kept; the bound is a guard. */
const written = new RecentAnswers<string, string>(10_000);

class SnakeCaseCompiler extends PostgresQueryCompiler {
  protected override sanitizeIdentifier(identifier: string): string {
    return written.get(identifier, () => super.sanitizeIdentifier(mapping.sqlName(identifier)));
  }
}

/** PostgreSQL, with identifiers written in snake_case (for PGlite as for a server: both speak through `pg`). */
export class SnakeCaseDialect extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new SnakeCaseCompiler();
  }
}

