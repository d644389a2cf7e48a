import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from './smtp-sink.ts';
import type { SmtpSink } from './smtp-sink.ts';

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.stop();
});

const mail = (messageId: string) => ({ from: 'a@leeway.test', to: 'b@example.test', subject: 'Hi', text: 'Hi', messageId });

describe('the soak SMTP sink', () => {
  it('counts each Message-ID, refuses connections while stopped and takes mail again on the same port', async () => {
    sink = await startSmtpSink();
    const transport = nodemailer.createTransport({ url: sink.url, connectionTimeout: 2_000 });
    await transport.sendMail(mail('<one@leeway.test>'));
    await transport.sendMail(mail('<two@leeway.test>'));
    await transport.sendMail(mail('<one@leeway.test>'));
    // Counted without the brackets, the form the audit compares with the outbox in.
    expect(Object.fromEntries(sink.received)).toEqual({ 'one@leeway.test': 2, 'two@leeway.test': 1 });
    expect([...sink.repeats().keys()]).toEqual(['one@leeway.test']);

    await sink.stop();
    expect(sink.up()).toBe(false);
    await expect(transport.sendMail(mail('<three@leeway.test>'))).rejects.toMatchObject({ code: 'ESOCKET' });

    await sink.start();
    await transport.sendMail(mail('<three@leeway.test>'));
    expect(sink.received.get('three@leeway.test')).toBe(1);
    expect(sink.withoutMessageId()).toBe(0);
    transport.close();
  });
});
