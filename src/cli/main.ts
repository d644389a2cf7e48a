import { isDomainError } from '../core/errors.ts';
import { DataDirLockedError } from '../store/index.ts';
import { UsageError } from './args.ts';
import { KEY_HELP, ORG_HELP, keyCommand, orgCommand } from './commands/org.ts';
import { MIGRATE_HELP, migrateCommand } from './commands/migrate.ts';
import { SERVE_HELP, serveCommand } from './commands/serve.ts';
import { composeCommand, reviewCommand, screenCommand } from './etiquette-commands.ts';
import type { CliIO } from './io.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIO } from './io.ts';

export const MAIN_HELP = `Leeway: interview scheduling in which cancelling, rescheduling and declining are first-class.

Usage: leeway <command> [options]

Commands:
  serve                run the HTTP API (add --demo for a demo organization)
  migrate              bring the database schema up to date
  org create           create an organization and print its API key
  key create           create another API key for an organization
  compose KIND         write a cancellation, decline, reschedule... message
  review --kind KIND   review a draft message for etiquette problems
  screen FILE|-        screen interview questions for unlawful topics

Run "leeway <command> --help" for a command's options.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help?: string }> = {
  serve: { run: serveCommand, help: SERVE_HELP },
  migrate: { run: migrateCommand, help: MIGRATE_HELP },
  org: { run: orgCommand, help: ORG_HELP },
  key: { run: keyCommand, help: KEY_HELP },
  compose: { run: composeCommand },
  review: { run: reviewCommand },
  screen: { run: screenCommand },
};

/** The whole CLI as a function of its arguments and IO, so tests run it without spawning. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version') {
    io.stdout('leeway 0.1.0\n');
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`leeway: unknown command "${name}".\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`leeway ${name}: ${error.message}\n${command.help ? `\n${command.help}` : ''}`);
      return EXIT_USAGE;
    }
    if (isDomainError(error, 'VALIDATION')) {
      const fields = (error.details?.errors as Array<{ path: string; message: string }> | undefined) ?? [];
      io.stderr(`leeway ${name}: ${error.message}\n${fields.map((f) => `  ${f.path}: ${f.message}\n`).join('')}`);
      return EXIT_USAGE;
    }
    if (isDomainError(error) || error instanceof DataDirLockedError) {
      io.stderr(`leeway ${name}: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
      io.stderr(`leeway ${name}: cannot reach the database: ${(error as Error).message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`leeway ${name}: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}
