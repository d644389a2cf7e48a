import { serve } from '@hono/node-server';
import type { AppConfig, AppContext } from '../../app/context.ts';
import { DEFAULT_APP_CONFIG, deriveMailDomain } from '../../app/context.ts';
import { demoLanding, seedDemo } from '../../app/demo/seed-demo.ts';
import type { DemoSeed } from '../../app/demo/seed-demo.ts';
import { createServerApp } from '../../server/app.ts';
import { openStore } from '../../store/index.ts';
import { parseFlags, parsePort, UsageError } from '../args.ts';
import { DATABASE_FLAGS, DATABASE_HELP, describeDatabase, readWholeNumberSetting, resolveDatabase } from '../database-options.ts';
import { DEFAULT_RATE_LIMIT } from '../../server/rate-limit.ts';
import type { RateLimitSettings } from '../../server/rate-limit.ts';
import type { CliIO } from '../io.ts';
import { EXIT_OK } from '../io.ts';
import { startBackgroundWork } from '../background.ts';
import type { BackgroundWork } from '../background.ts';
import { createOutboxKeeper } from '../../notify/outbox-keeper.ts';
import { resolveSecretKey } from '../secret-key.ts';
import { startInboundSmtp } from '../../server/inbound-smtp.ts';
import type { InboundSmtpListener } from '../../server/inbound-smtp.ts';
import { readCalendarRefreshMinutes } from '../background-calendars.ts';
import { coalesce } from '../coalesce.ts';

export const SERVE_HELP = `Usage: leeway serve [options]

Runs the HTTP API (and the delivery of email) on one process.

  --port N              port to listen on (default 3000, or PORT)
  --host HOST           address to bind (default 127.0.0.1, or HOST)
${DATABASE_HELP}
  --demo                create (or reuse) a demo organization; print its landing page, its
                        recruiter's sign-in, fresh candidate links and an API key
  --public-url URL      base URL for links in messages (default http://localhost:PORT, or LEEWAY_PUBLIC_URL)
  --smtp-port N         also receive calendar replies by SMTP on this port (or LEEWAY_SMTP_PORT);
                        mail is accepted only for LEEWAY_MAIL_FROM, the invitations' ORGANIZER
  --smtp-host HOST      address the SMTP listener binds (default 127.0.0.1, or LEEWAY_SMTP_HOST;
                        0.0.0.0 to receive from the internet as the MX of that address)

Email goes out over SMTP when SMTP_URL is set (smtp://user:pass@host:587 or smtps://...); without it,
each message is kept (status "kept", final) and listed by GET /api/v1/messages. Mail is sent as
"<organization name>" <LEEWAY_MAIL_FROM>; Message-IDs and calendar UIDs use the public URL's domain
(or, for localhost or an IP address, the domain of LEEWAY_MAIL_FROM).

Webhook signing secrets, calendar credentials and the links of emails waiting to go out are sealed with
LEEWAY_SECRET_KEY (32 bytes, hex or base64: openssl rand -base64 32; every server of one database needs
the same); on the embedded database a key is made once in the data folder.
Webhook and calendar URLs may not point to private addresses unless LEEWAY_ALLOW_PRIVATE_URLS=1.

Each API key, dashboard session and candidate link may make LEEWAY_RATE_LIMIT_PER_SECOND requests a
second (default ${DEFAULT_RATE_LIMIT.perSecond}; 0 turns the limit off), up to LEEWAY_RATE_LIMIT_BURST at once (default ${DEFAULT_RATE_LIMIT.burst});
beyond that a request is refused with 429 and Retry-After.
`;

export interface ServeHandle {
  url: string;
  close(): Promise<void>;
}

/** Starts everything and returns a handle; the command form waits for a signal. */
export async function startServer(argv: string[], io: CliIO): Promise<ServeHandle | null> {
  const { values } = parseFlags(argv, {
    ...DATABASE_FLAGS,
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
    'public-url': { type: 'string' },
    'smtp-port': { type: 'string' },
    'smtp-host': { type: 'string' },
  });
  if (values.help) {
    io.stdout(SERVE_HELP);
    return null;
  }
  const port = parsePort(values.port ?? io.env.PORT, 3000);
  const host = values.host ?? io.env.HOST ?? '127.0.0.1';
  const smtpPortText = values['smtp-port'] ?? io.env.LEEWAY_SMTP_PORT;
  const smtpPort = smtpPortText === undefined ? null : parsePort(smtpPortText, 0);
  const smtpHost = values['smtp-host'] ?? io.env.LEEWAY_SMTP_HOST ?? '127.0.0.1';
  if (smtpPort === null && values['smtp-host'] !== undefined) throw new UsageError('--smtp-host needs --smtp-port.');
  const database = resolveDatabase(values, io.env);
  const givenPublicUrl = values['public-url'] ?? io.env.LEEWAY_PUBLIC_URL;
  const publicUrl = givenPublicUrl ?? `http://localhost:${port}`;
  try {
    new URL(publicUrl);
  } catch {
    throw new UsageError(`Not a URL: ${publicUrl}`);
  }
  const mailFrom = {
    name: io.env.LEEWAY_MAIL_FROM_NAME ?? DEFAULT_APP_CONFIG.mailFrom.name,
    address: io.env.LEEWAY_MAIL_FROM ?? DEFAULT_APP_CONFIG.mailFrom.address,
  };
  let mailDomain: string;
  try {
    mailDomain = deriveMailDomain(publicUrl, mailFrom.address);
  } catch (error) {
    throw new UsageError(`Cannot make Message-IDs: ${(error as Error).message}. Set LEEWAY_MAIL_FROM to an address at your domain.`);
  }
  const config: AppConfig = {
    ...DEFAULT_APP_CONFIG,
    publicUrl: publicUrl.replace(/\/$/, ''),
    mailFrom,
    mailDomain,
    allowPrivateUrls: io.env.LEEWAY_ALLOW_PRIVATE_URLS === '1',
    calendarRefreshMinutes: readCalendarRefreshMinutes(io.env),
  };
  const secretKey = resolveSecretKey(database, io.env);
  const rateLimit = readRateLimit(io.env);

  const opened = await openStore(database);
  const ctx: AppContext = {
    store: opened.store,
    clock: () => new Date(),
    config,
    ...(secretKey.box ? { secrets: secretKey.box } : {}),
    log: (entry) => io.stderr(`${JSON.stringify(entry)}\n`),
  };
  let background: BackgroundWork;
  try {
    background = withOutboxKeeper(startBackgroundWork(ctx, io), ctx, io);
  } catch (error) {
    await opened.close();
    throw error;
  }
  // Under load, the wakes of many changes make one run of each background worker.
  const wakeBackground = coalesce(() => background.notify(), WAKE_SETTLE_MS);
  // The demo is prepared once the server listens; the landing page's answer waits for it.
  let prepareDemo: (() => void) | undefined;
  const demoSeed = values.demo
    ? new Promise<DemoSeed>((resolve, reject) => {
        prepareDemo = () => void seedDemo(ctx).then(resolve, reject);
      })
    : undefined;
  const app = createServerApp({
    ctx,
    rateLimit,
    afterChange: wakeBackground,
    ...(demoSeed ? { demo: demoLanding(ctx, demoSeed) } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(started));
    started.once('error', reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await background.stop();
    await opened.close();
    if (error.code === 'EADDRINUSE') throw new UsageError(`Port ${port} is already in use; choose another with --port.`);
    throw error;
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  // With --port 0 the port is known only now; links in messages must name the one the server listens on.
  if (givenPublicUrl === undefined) config.publicUrl = `http://localhost:${boundPort}`;
  let smtp: InboundSmtpListener | null = null;
  if (smtpPort !== null) {
    smtp = await startInboundSmtp({
      ctx,
      port: smtpPort,
      host: smtpHost,
      afterReply: wakeBackground,
      log: (entry) => io.stderr(`${JSON.stringify(entry)}\n`),
    }).catch(async (error: NodeJS.ErrnoException) => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await background.stop();
      await opened.close();
      if (error.code === 'EADDRINUSE') throw new UsageError(`SMTP port ${smtpPort} is already in use; choose another with --smtp-port.`);
      if (error.code === 'EACCES') throw new UsageError(`Not allowed to listen on SMTP port ${smtpPort}; ports below 1024 need privileges (or a redirect from 25).`);
      throw error;
    });
  }
  // Said by GET /api/v1/inbound: the listener starts after the HTTP server (it shares its context), so it is set now.
  if (smtp) config.inboundSmtp = { host: smtp.host, port: smtp.port };
  io.stdout(`Leeway listening on ${url} with ${describeDatabase(database)}.\n`);
  if (smtp) io.stdout(`Calendar replies: SMTP on ${smtp.host.includes(':') ? `[${smtp.host}]` : smtp.host}:${smtp.port} for <${mailFrom.address}> (the invitations' ORGANIZER).\n`);
  io.stdout(`Secret key (webhook secrets, calendar credentials, links in waiting emails): ${secretKey.source}.\n`);
  if (config.allowPrivateUrls) io.stdout('LEEWAY_ALLOW_PRIVATE_URLS=1: webhook and calendar URLs may point to private addresses.\n');

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await smtp?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    wakeBackground.cancel();
    await background.stop();
    await opened.close();
  };

  if (prepareDemo && demoSeed) {
    prepareDemo();
    const demo = await demoSeed.catch(async (error: unknown) => {
      await close();
      throw error;
    });
    io.stdout(describeDemo(demo, url));
  }

  return { url, close };
}

/** `LEEWAY_RATE_LIMIT_PER_SECOND` (0: off) and `LEEWAY_RATE_LIMIT_BURST`, with their defaults. */
export function readRateLimit(env: Record<string, string | undefined>): RateLimitSettings {
  return {
    perSecond: readWholeNumberSetting(env, 'LEEWAY_RATE_LIMIT_PER_SECOND', { min: 0, max: 1_000_000, fallback: DEFAULT_RATE_LIMIT.perSecond }),
    burst: readWholeNumberSetting(env, 'LEEWAY_RATE_LIMIT_BURST', { min: 1, max: 1_000_000, fallback: DEFAULT_RATE_LIMIT.burst }),
  };
}

function describeDemo(demo: DemoSeed, url: string): string {
  const { landing } = demo;
  const missing = demo.unavailable.map(
    (notice) =>
      `No free time at ${notice} notice fits the interviewers' office hours and the candidates' hours right now, so no link gives it (another interview stands in, labelled with the notice it really gives); a weekday in office hours has one.`,
  );
  return [
    '',
    `Open ${url}/ in a browser to try the demo.`,
    `Demo organization: ${landing.organization.name} (${demo.organizationId})`,
    `Dashboard sign-in: ${landing.signIn.email} / ${landing.signIn.password} (demo only)`,
    `Demo API key:      ${demo.apiKey}`,
    `Try:               curl -H "Authorization: Bearer ${demo.apiKey}" ${url}/api/v1/interviews`,
    `OpenAPI:           ${url}/openapi.json`,
    `Health:            ${url}/healthz`,
    ...landing.candidateLinks.map((link) => `Candidate link:    ${link.label}: ${link.url}`),
    ...(landing.offerLinks.length > 0
      ? landing.offerLinks.map((link) => `Waitlist offer:    ${link.label}: ${link.url}`)
      : ['Waitlist offer:    none could be made at this start.']),
    ...missing,
    '',
  ].join('\n');
}

const KEEPER_RUN_ERROR_EVERY_MS = 60_000;
/** How long the wakes of changes are gathered before the background workers run (see `coalesce`). */
const WAKE_SETTLE_MS = 50;

/**
 * Without SMTP_URL nothing delivers the outbox: each message becomes `kept` (final) when it falls due,
 * instead of staying `pending` forever. (Delivery over SMTP is started by `startBackgroundWork`.)
 */
function withOutboxKeeper(background: BackgroundWork, ctx: AppContext, io: CliIO): BackgroundWork {
  if (io.env.SMTP_URL) return background;
  // The keeper polls every second: while the database is away each poll fails alike, so its run errors
  // are said at most once a minute, with how many were left unsaid.
  let runErrors = { saidAt: Number.NEGATIVE_INFINITY, unsaid: 0 };
  const keeper = createOutboxKeeper({
    store: ctx.store,
    clock: ctx.clock,
    log: (entry) => {
      if (entry.level === 'info') return;
      if (entry.event === 'outbox.run-error') {
        const now = Date.now();
        if (now - runErrors.saidAt < KEEPER_RUN_ERROR_EVERY_MS) {
          runErrors.unsaid += 1;
          return;
        }
        entry = { ...entry, unsaidSinceLast: runErrors.unsaid };
        runErrors = { saidAt: now, unsaid: 0 };
      }
      io.stderr(`${JSON.stringify(entry)}\n`);
    },
  });
  keeper.start();
  return {
    notify: () => {
      background.notify();
      keeper.notify();
    },
    stop: async () => {
      await keeper.stop();
      await background.stop();
    },
  };
}

export async function serveCommand(argv: string[], io: CliIO): Promise<number> {
  const handle = await startServer(argv, io);
  if (!handle) return EXIT_OK;
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.stdout('Shutting down.\n');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
  return EXIT_OK;
}
