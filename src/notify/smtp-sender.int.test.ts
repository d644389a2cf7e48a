import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildInterviewCalendar, type BuildInterviewCalendarOptions } from '../core/ical/build-interview-calendar.ts';
import { summarizeCalendar } from '../core/ical/testing/summarize-calendar.ts';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import { InvalidEmailError } from './invalid-email-error.ts';
import { createSmtpSender, isPermanentSmtpFailure, SmtpDeliveryError, type SmtpSender } from './smtp-sender.ts';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server.ts';

const UID = '4f1c2a9e-7d3b-4c8e-9a51-0b6e2d7f8c10@leeway';

function makeCalendar(overrides: Partial<BuildInterviewCalendarOptions> = {}): string {
  return buildInterviewCalendar({
    method: 'REQUEST',
    uid: UID,
    sequence: 0,
    start: new Date('2025-06-02T14:00:00Z'),
    end: new Date('2025-06-02T15:00:00Z'),
    dtstamp: new Date('2025-05-20T09:00:00Z'),
    summary: 'Interview: Backend Engineer — Zoë 🚀',
    description: 'Thank you, Zoë; see you soon.\nBring an ID.',
    organizer: { name: 'Acme Recruiting', email: 'recruiting@acme.test' },
    attendees: [
      { name: 'Ångström, Zoë', email: 'zoe@example.test', partstat: 'NEEDS-ACTION' },
      { name: 'Grace Hopper', email: 'grace@acme.test', partstat: 'ACCEPTED', role: 'CHAIR' },
    ],
    ...overrides,
  });
}

function makeEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: '<0b6e2d7f-invite@leeway>',
    from: { name: 'Acme Recruiting', address: 'recruiting@acme.test' },
    to: [
      { name: 'Ångström, Zoë', address: 'zoe@example.test' },
      { name: 'Grace Hopper', address: 'grace@acme.test' },
    ],
    subject: 'Interview invitation: Backend Engineer — 2 June',
    text: 'Dear Zoë,\n\nThank you for applying. Your interview is on 2 June at 16:00 (Europe/Berlin).\n',
    html: '<p>Dear Zoë,</p><p>Thank you for applying.</p>',
    calendar: { method: 'REQUEST', ics: makeCalendar() },
    ...overrides,
  };
}

let server: SmtpTestServer;
let sender: SmtpSender;

beforeAll(async () => {
  server = await startSmtpTestServer();
  sender = createSmtpSender({ url: server.url, timeoutMs: 5_000 });
});
afterEach(() => server.reset());
afterAll(async () => {
  sender.close();
  await server.close();
});

describe('createSmtpSender against a real SMTP server', () => {
  it('delivers an invitation with a text/calendar REQUEST part and an invite.ics attachment', async () => {
    const result = await sender.send(makeEmail());
    expect(result.accepted).toEqual(['zoe@example.test', 'grace@acme.test']);
    expect(result.rejected).toEqual([]);
    expect(result.response).toMatch(/^250 /);

    const [message] = await server.waitForMessages(1);
    if (!message) throw new Error('no message');
    expect(message.envelope).toEqual({ from: 'recruiting@acme.test', to: ['zoe@example.test', 'grace@acme.test'] });
    const { parsed } = message;
    expect(parsed.messageId).toBe('<0b6e2d7f-invite@leeway>');
    expect(parsed.subject).toBe('Interview invitation: Backend Engineer — 2 June');
    expect(parsed.from?.value).toEqual([{ name: 'Acme Recruiting', address: 'recruiting@acme.test' }]);
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
    expect(to.flatMap((group) => group?.value ?? [])).toEqual([
      { name: 'Ångström, Zoë', address: 'zoe@example.test' },
      { name: 'Grace Hopper', address: 'grace@acme.test' },
    ]);
    expect(parsed.text).toBe('Dear Zoë,\n\nThank you for applying. Your interview is on 2 June at 16:00 (Europe/Berlin).\n');
    expect(parsed.html).toContain('<p>Dear Zoë,</p>');

    // The inline alternative is what Outlook, Gmail and Apple Mail turn into Accept/Decline buttons.
    expect(message.calendar).toMatchObject({ contentType: 'text/calendar', method: 'REQUEST' });
    expect(message.raw.toString('utf8')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    expect(message.icsAttachments).toEqual([
      expect.objectContaining({ filename: 'invite.ics', contentType: 'text/calendar', method: 'REQUEST' }),
    ]);
    // One inline calendar beside the text (multipart/alternative), one attached file (multipart/mixed).
    const raw = message.raw.toString('utf8');
    expect(raw).toMatch(/Content-Type: multipart\/mixed;/);
    expect(raw).toMatch(/Content-Type: multipart\/alternative;/);
    expect(raw.match(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/g)).toHaveLength(2);
    expect(raw).not.toContain('application/ics');
    expect(raw).toMatch(/Content-Disposition: attachment; filename=invite\.ics/);
    // RFC 3834: an automatic message, so vacation responders stay quiet.
    expect(message.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    // Both copies are the calendar we built, byte for byte, and read back right.
    const ics = makeCalendar();
    expect(message.calendar?.ics).toBe(ics);
    expect(message.icsAttachments[0]?.ics).toBe(ics);
    const calendar = summarizeCalendar(message.calendar?.ics ?? '');
    expect(calendar).toMatchObject({
      method: 'REQUEST',
      uid: UID,
      sequence: 0,
      status: 'CONFIRMED',
      start: '2025-06-02T14:00:00.000Z',
      end: '2025-06-02T15:00:00.000Z',
      summary: 'Interview: Backend Engineer — Zoë 🚀',
      description: 'Thank you, Zoë; see you soon.\nBring an ID.',
    });
    expect(calendar.attendees.map(({ cn, partstat }) => ({ cn, partstat }))).toEqual([
      { cn: 'Ångström, Zoë', partstat: 'NEEDS-ACTION' },
      { cn: 'Grace Hopper', partstat: 'ACCEPTED' },
    ]);
  });

  it('delivers a cancellation with method=CANCEL, cancel.ics, the same UID and a higher SEQUENCE', async () => {
    const ics = makeCalendar({ method: 'CANCEL', sequence: 3 });
    await sender.send(
      makeEmail({
        messageId: '<0b6e2d7f-cancel@leeway>',
        subject: 'Interview cancelled',
        html: undefined,
        calendar: { method: 'CANCEL', ics },
      }),
    );
    const [message] = await server.waitForMessages(1);
    if (!message) throw new Error('no message');
    expect(message.parsed.messageId).toBe('<0b6e2d7f-cancel@leeway>');
    expect(message.calendar?.method).toBe('CANCEL');
    expect(message.raw.toString('utf8')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/);
    expect(message.icsAttachments.map(({ filename, contentType, method }) => ({ filename, contentType, method }))).toEqual([
      { filename: 'cancel.ics', contentType: 'text/calendar', method: 'CANCEL' },
    ]);
    expect(message.calendar).toMatchObject({ contentType: 'text/calendar', method: 'CANCEL', ics });
    expect(message.icsAttachments[0]?.ics).toBe(ics);
    expect(message.raw.toString('utf8')).not.toContain('application/ics');
    expect(message.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(summarizeCalendar(message.icsAttachments[0]?.ics ?? '')).toMatchObject({
      method: 'CANCEL',
      uid: UID,
      sequence: 3,
      status: 'CANCELLED',
      start: '2025-06-02T14:00:00.000Z',
    });
  });

  it('sends a plain email without calendar parts', async () => {
    await sender.send(makeEmail({ calendar: undefined, html: undefined }));
    const [message] = await server.waitForMessages(1);
    expect(message?.calendar).toBeNull();
    expect(message?.icsAttachments).toEqual([]);
    expect(message?.parsed.attachments).toEqual([]);
    expect(message?.parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('sends the Reply-To the email carries', async () => {
    await sender.send(makeEmail({ replyTo: { name: 'Grace Hopper', address: 'grace@acme.test' } }));
    const [message] = await server.waitForMessages(1);
    expect(message?.parsed.replyTo?.value).toEqual([{ name: 'Grace Hopper', address: 'grace@acme.test' }]);
  });

  it('carries the same Message-ID on a retried delivery, so receivers can drop the copy', async () => {
    await sender.send(makeEmail());
    await sender.send(makeEmail());
    const messages = await server.waitForMessages(2);
    expect(messages.map((message) => message.parsed.messageId)).toEqual([
      '<0b6e2d7f-invite@leeway>',
      '<0b6e2d7f-invite@leeway>',
    ]);
  });

  it('sends From the relay mailbox when configured, with the author as Reply-To', async () => {
    const relaySender = createSmtpSender({ url: server.url, from: 'Leeway <no-reply@leeway.test>' });
    try {
      await relaySender.send(makeEmail());
    } finally {
      relaySender.close();
    }
    const [message] = await server.waitForMessages(1);
    expect(message?.envelope.from).toBe('no-reply@leeway.test');
    expect(message?.parsed.from?.value).toEqual([{ name: 'Leeway', address: 'no-reply@leeway.test' }]);
    expect(message?.parsed.replyTo?.value).toEqual([{ name: 'Acme Recruiting', address: 'recruiting@acme.test' }]);
  });

  it('refuses an invalid email before connecting', async () => {
    const error = await sender.send(makeEmail({ to: [] })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidEmailError);
    expect(isPermanentSmtpFailure(error)).toBe(true);
    expect(server.messages).toHaveLength(0);
  });

  it('verifies the connection', async () => {
    await expect(sender.verify()).resolves.toBeUndefined();
  });

  describe('failures', () => {
    it.each([
      ['rcpt', 451, false],
      ['data', 451, false],
      ['rcpt', 550, true],
      ['data', 554, true],
      ['mail', 553, true],
    ] as const)('classifies %s refused with %i (permanent: %s)', async (stage, code, permanent) => {
      server.failNext(1, { code, stage });
      const error = await sender.send(makeEmail()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SmtpDeliveryError);
      expect(error).toMatchObject({ responseCode: code, permanent });
      expect(isPermanentSmtpFailure(error)).toBe(permanent);
      expect(server.messages).toHaveLength(0);
      expect(server.refused).toEqual([expect.objectContaining({ code, stage })]);
    });

    it('takes a 421 that closes the connection as transient, and says the server hung up', async () => {
      // The server closes its side with a 421; the pooled connection is gone with it, so the reply code is not
      // what the sender sees.
      server.failNext(1, { code: 421, stage: 'mail' });
      const error = await sender.send(makeEmail()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SmtpDeliveryError);
      expect(error).toMatchObject({ permanent: false, message: 'The SMTP server closed the connection before taking the message.' });
      expect(isPermanentSmtpFailure(error)).toBe(false);
      expect(server.messages).toHaveLength(0);
      expect(server.refused).toEqual([expect.objectContaining({ code: 421, stage: 'mail' })]);
    });

    it('goes through on the retry after a transient refusal, with the same Message-ID', async () => {
      server.failNext(2, { code: 451, stage: 'data' });
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        const error = await sender.send(makeEmail()).catch((caught: unknown) => caught);
        expect(isPermanentSmtpFailure(error)).toBe(false);
      }
      await sender.send(makeEmail());
      const messages = await server.waitForMessages(1);
      expect(messages.map((message) => message.parsed.messageId)).toEqual(['<0b6e2d7f-invite@leeway>']);
      expect(server.refused).toHaveLength(2);
    });

    it('is transient when the connection is refused', async () => {
      const port = await findClosedPort();
      const unreachable = createSmtpSender({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 2_000 });
      try {
        const error = await unreachable.send(makeEmail()).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(SmtpDeliveryError);
        expect(error).toMatchObject({ permanent: false, code: 'ESOCKET' });
        expect(isPermanentSmtpFailure(error)).toBe(false);
        await expect(unreachable.verify()).rejects.toMatchObject({ permanent: false });
      } finally {
        unreachable.close();
      }
    });

    it('is transient when the server never greets', async () => {
      const silent = await startSilentServer();
      const stalled = createSmtpSender({ url: `smtp://127.0.0.1:${silent.port}`, timeoutMs: 300 });
      try {
        const error = await stalled.send(makeEmail()).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ name: 'SmtpDeliveryError', code: 'ETIMEDOUT', permanent: false });
      } finally {
        stalled.close();
        await silent.close();
      }
    });
  });
});

describe('credentials from the SMTP URL', () => {
  it('logs in with percent-encoded credentials', async () => {
    const authServer = await startSmtpTestServer({ auth: { user: 'leeway@acme.test', pass: 'p@ss:w/rd' } });
    const authSender = createSmtpSender({ url: authServer.url });
    try {
      expect(authServer.url).toContain('leeway%40acme.test:p%40ss%3Aw%2Frd@');
      await authSender.send(makeEmail());
      const [message] = await authServer.waitForMessages(1);
      expect(message?.user).toBe('leeway@acme.test');
    } finally {
      authSender.close();
      await authServer.close();
    }
  });

  it('fails transiently on wrong credentials: the configuration is at fault, not the email', async () => {
    const authServer = await startSmtpTestServer({ auth: { user: 'leeway', pass: 'right' } });
    const wrong = createSmtpSender({ url: `smtp://leeway:wrong@127.0.0.1:${authServer.port}` });
    try {
      const error = await wrong.send(makeEmail()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'SmtpDeliveryError', code: 'EAUTH', responseCode: 535, permanent: false });
      expect(authServer.messages).toHaveLength(0);
    } finally {
      wrong.close();
      await authServer.close();
    }
  });

  it('refuses a URL that is not smtp:// or smtps:// without echoing it', () => {
    expect(() => createSmtpSender({ url: 'http://user:secret@host' })).toThrow(/protocol http:/);
    expect(() => createSmtpSender({ url: 'not a url secret' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret') }));
  });
});

async function findClosedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A TCP server that accepts connections and says nothing, like a relay behind a stuck firewall. */
async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const silent: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  return {
    port: (silent.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    },
  };
}
