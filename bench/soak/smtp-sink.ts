import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream } from 'smtp-server';
import { freePort } from './free-port.ts';

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`: the same while it is down, so senders find it again when it is back. */
  url: string;
  /** How many times each Message-ID (without its angle brackets, see `bareMessageId`) was received. */
  received: ReadonlyMap<string, number>;
  /** When (ms since the epoch) each Message-ID received more than once arrived, every time. */
  repeats(): Map<string, number[]>;
  /** Messages received without a Message-ID header (must stay 0). */
  withoutMessageId(): number;
  up(): boolean;
  /** Stops listening and closes open sessions: senders get refused connections until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * A loopback SMTP server that accepts everything and only counts Message-IDs, so the soak can tell whether
 * each message was delivered once. It can be stopped and started again on the same port.
 *
 * @example
 * const sink = await startSmtpSink(); … await sink.stop(); … await sink.start(); sink.received.get('<id@host>');
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  const received = new Map<string, number>();
  const arrivals = new Map<string, number[]>();
  let withoutId = 0;
  let server: SMTPServer | null = null;

  const listen = async (): Promise<void> => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      // Going down the way a relay does when it is stopped: no new connections, and the transactions already
      // under way get up to 10 s to finish with their 250. Cutting them sooner would lose replies to mail it
      // had taken, which every sender rightly sends again (a duplicate no sender could avoid).
      closeTimeout: 10_000,
      size: 10 * 2 ** 20,
      onData(stream, _session, callback) {
        readHeaderMessageId(stream).then(
          (messageId) => {
            // Counted before the 250 goes out: a sender that loses the reply sends again, and that shows as twice.
            if (messageId === null) withoutId += 1;
            else {
              received.set(messageId, (received.get(messageId) ?? 0) + 1);
              arrivals.set(messageId, [...(arrivals.get(messageId) ?? []), Date.now()]);
            }
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    next.on('error', () => undefined);
    await new Promise<void>((resolveListen, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolveListen());
    });
    server = next;
  };

  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    withoutMessageId: () => withoutId,
    repeats: () => new Map([...arrivals].filter(([, times]) => times.length > 1)),
    up: () => server !== null,
    stop: async () => {
      const current = server;
      server = null;
      if (current) await new Promise<void>((resolveClose) => current.close(() => resolveClose()));
    },
    start: async () => {
      if (server === null) await listen();
    },
  };
}

/** Reads the whole message and returns its Message-ID header, or null. */
async function readHeaderMessageId(stream: SMTPServerDataStream): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('latin1');
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const header = (headerEnd === -1 ? raw : raw.slice(0, headerEnd)).replace(/\r?\n[ \t]+/g, ' ');
  const messageId = /^message-id:\s*(\S+)/im.exec(header)?.[1];
  return messageId === undefined ? null : bareMessageId(messageId);
}

/**
 * A Message-ID without its angle brackets: the form the sink counts by and the audit compares in, since the
 * outbox stores ids bare and the header carries them bracketed.
 *
 * @example
 * bareMessageId('<m1@leeway.localhost>'); // 'm1@leeway.localhost'
 */
export function bareMessageId(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '');
}
