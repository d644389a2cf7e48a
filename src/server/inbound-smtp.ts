import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream } from 'smtp-server';
import type { AppContext } from '../app/context.ts';
import { SMTP_MAX_MESSAGE_BYTES } from '../app/inbound/limits.ts';
import { receiveReply } from '../app/inbound/receive-reply.ts';
import { schedulingAddress } from '../app/inbound/scheduling-address.ts';
import { sameAddress } from '../core/inbound/reply-terms.ts';

export interface InboundSmtpOptions {
  ctx: AppContext;
  /** 0 picks a free port (tests). */
  port: number;
  /** Loopback unless told otherwise: an MX needs `0.0.0.0` (or the public address) on purpose. */
  host?: string;
  maxMessageBytes?: number;
  /** Called after every reply recorded, e.g. to wake the outbox worker for the emails it planned. */
  afterReply?: () => void;
  log?: (entry: Record<string, unknown>) => void;
}

export interface InboundSmtpListener {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with its code (smtp-server sends `responseCode` and the message). */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The message's bytes, stopping at the limit: what is over it is drained, never kept. */
function readLimited(stream: SMTPServerDataStream, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded || length > limit ? null : Buffer.concat(chunks)));
  });
}

/**
 * The inbound SMTP listener for calendar replies (`leeway serve --smtp-port N`). It takes mail only for
 * the scheduling address (RCPT TO anything else: 550), offers no AUTH (nobody logs in: it is a mail
 * exchanger for one address), advertises SIZE and refuses larger messages (552), and hands each message
 * to the same use case as the HTTP forwarding. A reply that changes nothing is still accepted (250) and
 * recorded as ignored: telling a forger why would only help them. A failure of ours is 451, so the
 * sending server tries again later.
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtpListener> {
  const { ctx } = options;
  const limit = options.maxMessageBytes ?? SMTP_MAX_MESSAGE_BYTES;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((entry) => console.error(JSON.stringify(entry)));
  const server = new SMTPServer({
    name: ctx.config.mailDomain,
    banner: 'Leeway calendar replies',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: limit,
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      if (sameAddress(address.address, schedulingAddress(ctx))) return callback();
      callback(smtpError(550, `5.1.1 <${address.address.slice(0, 200)}>: no such mailbox here; calendar replies go to the scheduling address`));
    },
    onData(stream, session, callback) {
      readLimited(stream, limit)
        .then(async (raw) => {
          if (!raw) return callback(smtpError(552, `5.3.4 Message too big: the limit is ${limit} bytes`));
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
          const reply = await receiveReply(ctx, { raw, via: 'smtp', envelopeFrom });
          options.afterReply?.();
          if (reply) return callback(null, `Reply recorded (${reply.outcome}) as ${reply.id}`);
          // It names no interview of any organization: nobody could see it, so it is only logged.
          log({ level: 'info', msg: 'inbound SMTP: a message for no interview was not kept', envelopeFrom: envelopeFrom?.slice(0, 320) ?? null, bytes: raw.length });
          callback(null, 'Accepted; it matches no interview here, so it was not kept');
        })
        .catch((error: unknown) => {
          log({ level: 'error', msg: 'inbound SMTP: could not record a reply', error: error instanceof Error ? error.message : String(error) });
          callback(smtpError(451, '4.3.0 Could not record the message now; try again later'));
        });
    },
  });
  server.on('error', (error) => log({ level: 'error', msg: 'inbound SMTP error', error: error.message }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    host,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
