import type { AppContext } from '../../app/context.ts';
import { DEFAULT_APP_CONFIG } from '../../app/context.ts';
import { createApiKey, createOrganization } from '../../app/organizations.ts';
import { openStore } from '../../store/index.ts';
import { parseFlags, requireFlag, UsageError } from '../args.ts';
import { DATABASE_FLAGS, DATABASE_HELP, resolveDatabase } from '../database-options.ts';
import type { CliIO } from '../io.ts';
import { EXIT_OK } from '../io.ts';

export const ORG_HELP = `Usage: leeway org create --name NAME --timezone TZ [options]

Creates an organization and prints its first API key (shown once; only its hash is kept).

  --name NAME               the organization's name
  --timezone TZ             IANA time zone, e.g. Europe/London
  --contact-phone PHONE     the coordinator's number, offered for late cancellations
  --admin-email EMAIL       a dashboard admin (with --admin-password)
  --admin-password PASS     at least 10 characters
  --json                    print {"organization": {...}, "apiKey": "..."}
${DATABASE_HELP}
`;

export const KEY_HELP = `Usage: leeway key create --org ORGANIZATION_ID [--name NAME] [--json]

Creates another API key for an organization and prints it (shown once).

  --org ID      the organization's id
  --name NAME   a label for the key (default "key")
  --json        print {"apiKey": "..."}
${DATABASE_HELP}
`;

async function withContext<T>(database: ReturnType<typeof resolveDatabase>, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const opened = await openStore(database);
  try {
    return await work({ store: opened.store, clock: () => new Date(), config: DEFAULT_APP_CONFIG });
  } finally {
    await opened.close();
  }
}

export async function orgCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      ...DATABASE_FLAGS,
      name: { type: 'string' },
      timezone: { type: 'string' },
      'contact-phone': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (values.help || positionals.length === 0) {
    io.stdout(ORG_HELP);
    return EXIT_OK;
  }
  if (positionals[0] !== 'create' || positionals.length > 1) throw new UsageError(`Unknown: leeway org ${positionals.join(' ')}`);
  const input = {
    name: requireFlag(values.name, 'name'),
    timezone: requireFlag(values.timezone, 'timezone'),
    ...(values['contact-phone'] ? { contactPhone: values['contact-phone'] } : {}),
    ...(values['admin-email'] ? { adminEmail: values['admin-email'] } : {}),
    ...(values['admin-password'] ? { adminPassword: values['admin-password'] } : {}),
  };
  const created = await withContext(resolveDatabase(values, io.env), (ctx) => createOrganization(ctx, input));
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ organization: { ...created.organization, createdAt: created.organization.createdAt.toISOString() }, apiKey: created.apiKey }, null, 2)}\n`,
    );
  } else {
    io.stdout(
      `Created ${created.organization.name} (${created.organization.id}).\nAPI key (shown once): ${created.apiKey}\n`,
    );
  }
  return EXIT_OK;
}

export async function keyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    { ...DATABASE_FLAGS, org: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  if (values.help || positionals.length === 0) {
    io.stdout(KEY_HELP);
    return EXIT_OK;
  }
  if (positionals[0] !== 'create' || positionals.length > 1) throw new UsageError(`Unknown: leeway key ${positionals.join(' ')}`);
  const organizationId = requireFlag(values.org, 'org');
  const apiKey = await withContext(resolveDatabase(values, io.env), (ctx) => createApiKey(ctx, organizationId, values.name ?? 'key'));
  io.stdout(values.json ? `${JSON.stringify({ apiKey })}\n` : `API key (shown once): ${apiKey}\n`);
  return EXIT_OK;
}
