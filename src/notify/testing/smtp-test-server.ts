import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** The point in an SMTP transaction at which a planned failure is answered. */
export type SmtpFailureStage = 'mail' | 'rcpt' | 'data';

export interface SmtpFailurePlan {
  /** SMTP reply code: 4xx is transient (try again later), 5xx permanent. Default 451. */
  code?: number;
  /** Default `rcpt`, where real servers greylist (451) and refuse unknown mailboxes (550). */
  stage?: SmtpFailureStage;
  /** Reply text after the code. */
  message?: string;
}

/** A delivery the server accepted, as received and as mailparser reads it. */
export interface ReceivedEmail {
  envelope: { from: string | null; to: string[] };
  /** The user the client logged in as, if it did. */
  user: string | null;
  raw: Buffer;
  parsed: ParsedMail;
  /** The `text/calendar` alternative, if the message has one. */
  calendar: { contentType: string; method: string | null; ics: string } | null;
  /** `.ics` attachments (as opposed to the inline alternative), with the `method` of their MIME type. */
  icsAttachments: Array<{ filename: string | null; contentType: string; method: string | null; ics: string }>;
}

/** A delivery the server refused because it was told to. */
export interface RefusedDelivery {
  envelope: { from: string | null; to: string[] };
  code: number;
  stage: SmtpFailureStage;
}

export interface SmtpTestServerOptions {
  /** When set, clients must log in with these credentials (AUTH PLAIN/LOGIN over plain text). */
  auth?: { user: string; pass: string };
}

export interface SmtpTestServer {
  readonly host: string;
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`, with the credentials when `auth` was given: ready for `createSmtpSender`. */
  readonly url: string;
  /** Accepted deliveries, oldest first. */
  readonly messages: readonly ReceivedEmail[];
  /** Deliveries refused by `failNext`, oldest first. */
  readonly refused: readonly RefusedDelivery[];
  /** Refuses the next `count` deliveries (SMTP transactions, whatever their number of recipients). */
  failNext(count: number, plan?: SmtpFailurePlan): void;
  /** Resolves once at least `count` messages have been accepted in all; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  /** Forgets received and refused deliveries and pending failures. */
  reset(): void;
  /** Stops listening and waits until every connection is closed. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Starts a real SMTP server in-process on a free loopback port, for tests of anything that sends mail.
 * No TLS (STARTTLS is not offered), any sender and recipient is accepted, and every accepted message is
 * parsed with mailparser.
 *
 * @example
 * const server = await startSmtpTestServer();
 * const sender = createSmtpSender({ url: server.url });
 * server.failNext(1, { code: 451 });       // greylisted once
 * await expect(sender.send(email)).rejects.toThrow();
 * await sender.send(email);                // the retry goes through
 * expect(server.messages).toHaveLength(1);
 * await server.close();
 */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const messages: ReceivedEmail[] = [];
  const refused: RefusedDelivery[] = [];
  const pendingFailures: Array<Required<SmtpFailurePlan>> = [];
  // The failure assigned to the transaction each connection is in, chosen when it starts (MAIL FROM),
  // with its entry in `refused` once the refusal has been answered.
  const failureBySession = new Map<string, { plan: Required<SmtpFailurePlan>; record?: RefusedDelivery }>();
  const waiters = new Set<() => void>();

  const refuse = (
    session: SMTPServerSession,
    plan: Required<SmtpFailurePlan>,
    address: { from?: string; recipient?: string } = {},
  ): Error => {
    const entry = failureBySession.get(session.id) ?? { plan };
    if (entry.record === undefined) {
      const envelope = envelopeOf(session);
      entry.record = { envelope: { ...envelope, from: address.from ?? envelope.from }, code: plan.code, stage: plan.stage };
      refused.push(entry.record);
      failureBySession.set(session.id, entry);
    }
    if (address.recipient !== undefined) entry.record.envelope.to.push(address.recipient);
    return Object.assign(new Error(plan.message), { responseCode: plan.code });
  };

  const server = new SMTPServer({
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    // No DNS on the loopback: a reverse lookup per connection costs time and needs a resolver.
    disableReverseLookup: true,
    logger: false,
    // Bound how long close() can wait on a client that never says QUIT.
    closeTimeout: 2_000,
    onAuth(auth, _session, callback) {
      if (options.auth && (auth.username !== options.auth.user || auth.password !== options.auth.pass)) {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        return;
      }
      callback(null, { user: auth.username ?? '' });
    },
    onMailFrom(address, session, callback) {
      // smtp-server sets the sender on the session only after this answers: a new transaction starts here.
      failureBySession.delete(session.id);
      const plan = pendingFailures.shift();
      if (plan === undefined) return callback();
      failureBySession.set(session.id, { plan });
      if (plan.stage === 'mail') return callback(refuse(session, plan, { from: address.address }));
      callback();
    },
    onRcptTo(address, session, callback) {
      const plan = failureBySession.get(session.id)?.plan;
      // Every recipient of the transaction is refused; the delivery is recorded once.
      if (plan?.stage === 'rcpt') return callback(refuse(session, plan, { recipient: address.address }));
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
    onClose(session) {
      failureBySession.delete(session.id);
    },
  });
  // Without a listener an 'error' event (a client resetting its socket) would crash the test process.
  server.on('error', () => {});

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    // The stream must be read to the end whatever the answer, or the session stalls.
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const plan = failureBySession.get(session.id)?.plan;
    if (plan?.stage === 'data') throw refuse(session, plan);
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    messages.push({
      envelope: envelopeOf(session),
      user: session.user ?? null,
      raw,
      parsed,
      ...readCalendarParts(parsed),
    });
    for (const wake of [...waiters]) wake();
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(0, HOST, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
    : '';

  let closing: Promise<void> | undefined;
  return {
    host: HOST,
    port,
    url: `smtp://${credentials}${HOST}:${port}`,
    messages,
    refused,
    failNext(count, plan = {}) {
      for (let i = 0; i < count; i += 1) {
        pendingFailures.push({
          code: plan.code ?? 451,
          stage: plan.stage ?? 'rcpt',
          message: plan.message ?? `Refused by the test server (${plan.code ?? 451})`,
        });
      }
    },
    waitForMessages(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...messages]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    reset() {
      messages.length = 0;
      refused.length = 0;
      pendingFailures.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}

function envelopeOf(session: SMTPServerSession): RefusedDelivery['envelope'] {
  const from = session.envelope.mailFrom;
  return {
    from: from ? from.address : null,
    to: session.envelope.rcptTo.map((recipient) => recipient.address),
  };
}

function readCalendarParts(parsed: ParsedMail): Pick<ReceivedEmail, 'calendar' | 'icsAttachments'> {
  let calendar: ReceivedEmail['calendar'] = null;
  const icsAttachments: ReceivedEmail['icsAttachments'] = [];
  for (const attachment of parsed.attachments) {
    const contentType = attachment.contentType.toLowerCase();
    const isIcs = contentType === 'text/calendar' || contentType === 'application/ics' || /\.ics$/i.test(attachment.filename ?? '');
    if (!isIcs) continue;
    const ics = attachment.content.toString('utf8');
    if (attachment.contentDisposition === 'attachment' || attachment.filename) {
      icsAttachments.push({
        filename: attachment.filename ?? null,
        contentType,
        method: contentTypeParam(attachment.headers.get('content-type'), 'method'),
        ics,
      });
    } else {
      calendar = { contentType, method: contentTypeParam(attachment.headers.get('content-type'), 'method'), ics };
    }
  }
  return { calendar, icsAttachments };
}

function contentTypeParam(header: unknown, name: string): string | null {
  if (typeof header !== 'object' || header === null || !('params' in header)) return null;
  const params: unknown = header.params;
  if (typeof params !== 'object' || params === null) return null;
  const value: unknown = (params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}
