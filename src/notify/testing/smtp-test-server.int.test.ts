import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import { createSmtpSender } from '../smtp-sender.ts';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.ts';

const email: OutgoingEmail = {
  messageId: '<helper@leeway>',
  from: { address: 'recruiting@acme.test' },
  to: [{ address: 'ada@example.test' }, { address: 'grace@acme.test' }],
  subject: 'Hello',
  text: 'Hello',
};

const started: SmtpTestServer[] = [];
async function start(...args: Parameters<typeof startSmtpTestServer>): Promise<SmtpTestServer> {
  const server = await startSmtpTestServer(...args);
  started.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

describe('startSmtpTestServer', () => {
  it('listens on a free loopback port', async () => {
    const [one, two] = await Promise.all([start(), start()]);
    expect(one?.host).toBe('127.0.0.1');
    expect(one?.port).toBeGreaterThan(0);
    expect(one?.port).not.toBe(two?.port);
    expect(one?.url).toBe(`smtp://127.0.0.1:${one?.port}`);
  });

  it('fails the next N deliveries, counting a delivery once whatever its number of recipients', async () => {
    const server = await start();
    const sender = createSmtpSender({ url: server.url });
    server.failNext(2, { code: 550, stage: 'rcpt', message: 'No such user' });
    await expect(sender.send(email)).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('No such user') });
    await expect(sender.send(email)).rejects.toMatchObject({ responseCode: 550 });
    await expect(sender.send(email)).resolves.toMatchObject({ accepted: ['ada@example.test', 'grace@acme.test'] });
    expect(server.refused).toEqual([
      { envelope: { from: 'recruiting@acme.test', to: ['ada@example.test', 'grace@acme.test'] }, code: 550, stage: 'rcpt' },
      { envelope: { from: 'recruiting@acme.test', to: ['ada@example.test', 'grace@acme.test'] }, code: 550, stage: 'rcpt' },
    ]);
    expect(server.messages).toHaveLength(1);
    sender.close();
  });

  it('defaults to a transient 451 at RCPT', async () => {
    const server = await start();
    const sender = createSmtpSender({ url: server.url });
    server.failNext(1);
    await expect(sender.send(email)).rejects.toMatchObject({ responseCode: 451, permanent: false });
    expect(server.refused).toEqual([expect.objectContaining({ code: 451, stage: 'rcpt' })]);
    sender.close();
  });

  it('reads the message of a refusal at DATA to the end and keeps the session usable', async () => {
    const server = await start();
    const sender = createSmtpSender({ url: server.url });
    server.failNext(1, { code: 451, stage: 'data' });
    await expect(sender.send(email)).rejects.toMatchObject({ responseCode: 451 });
    await sender.send(email);
    expect(server.messages).toHaveLength(1);
    sender.close();
  });

  it('waits for messages, and times out with a clear message', async () => {
    const server = await start();
    const sender = createSmtpSender({ url: server.url });
    const waiting = server.waitForMessages(2, 5_000);
    await sender.send(email);
    await sender.send({ ...email, messageId: '<second@leeway>' });
    const messages = await waiting;
    expect(messages.map((message) => message.parsed.messageId)).toEqual(['<helper@leeway>', '<second@leeway>']);
    await expect(server.waitForMessages(3, 50)).rejects.toThrow('expected 3 messages within 50 ms, got 2');
    sender.close();
  });

  it('forgets everything on reset, pending failures included', async () => {
    const server = await start();
    const sender = createSmtpSender({ url: server.url });
    await sender.send(email);
    server.failNext(1);
    server.reset();
    expect(server.messages).toHaveLength(0);
    await sender.send(email);
    expect(server.messages).toHaveLength(1);
    sender.close();
  });

  it('requires the configured credentials', async () => {
    const server = await start({ auth: { user: 'u', pass: 'p' } });
    const anonymous = createSmtpSender({ url: `smtp://127.0.0.1:${server.port}` });
    await expect(anonymous.send(email)).rejects.toMatchObject({ name: 'SmtpDeliveryError' });
    anonymous.close();
    expect(server.messages).toHaveLength(0);
  });

  it('closes even while an idle client holds a connection, and close() can be called twice', async () => {
    const server = await start();
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('data', resolve)); // the greeting
    const startedAt = performance.now();
    await Promise.all([server.close(), server.close()]);
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    await expect(createSmtpSender({ url: server.url, timeoutMs: 1_000 }).verify()).rejects.toMatchObject({ permanent: false });
    socket.destroy();
  });
});
