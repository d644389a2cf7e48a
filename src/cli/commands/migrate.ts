import { migrateDatabase } from '../../store/index.ts';
import { parseFlags } from '../args.ts';
import { DATABASE_FLAGS, DATABASE_HELP, describeDatabase, resolveDatabase } from '../database-options.ts';
import type { CliIO } from '../io.ts';
import { EXIT_OK } from '../io.ts';

export const MIGRATE_HELP = `Usage: leeway migrate [--data-dir DIR | --database-url URL]

Brings the database schema to the latest version. Safe to run again.

${DATABASE_HELP}
`;

export async function migrateCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, DATABASE_FLAGS);
  if (values.help) {
    io.stdout(MIGRATE_HELP);
    return EXIT_OK;
  }
  const database = resolveDatabase(values, io.env);
  const applied = await migrateDatabase(database);
  io.stdout(
    applied.length > 0
      ? `Applied ${applied.join(', ')} to ${describeDatabase(database)}.\n`
      : `${describeDatabase(database)} is up to date.\n`,
  );
  return EXIT_OK;
}
