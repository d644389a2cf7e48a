import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { googleCalendar, googleReplyMail } from '../core/inbound/testing/reply-mails.ts';
import { startSmtpTestServer } from '../notify/testing/smtp-test-server.ts';
import type { ReceivedEmail } from '../notify/testing/smtp-test-server.ts';
import { startServer } from './commands/serve.ts';
import type { CliIO } from './io.ts';

function fakeIO(env: Record<string, string | undefined>): CliIO & { out: string } {
  const io = {
    out: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: () => undefined,
    readStdin: async () => '',
    env,
  };
  return io;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function property(ics: string, name: string): string | null {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  return new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(unfolded)?.[1]?.trim() ?? null;
}

/**
 * `leeway serve --smtp-port`: the whole process as a user runs it. A candidate's calendar declines a
 * demo invitation delivered over SMTP; the reply goes to the listener over a real socket, the interview
 * is cancelled, and the recruiter's email goes out at once (the listener wakes delivery).
 */
describe('leeway serve --smtp-port', () => {
  it('acts on a calendar reply sent to the listener and delivers what it wrote', async () => {
    const outgoing = await startSmtpTestServer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leeway-replies-'));
    dirs.push(dir);
    const io = fakeIO({ SMTP_URL: outgoing.url, LEEWAY_MAIL_FROM: 'scheduling@northwind.example' });
    const handle = await startServer(['--port', '0', '--data-dir', dir, '--demo', '--smtp-port', '0'], io);
    try {
      const listening = /Calendar replies: SMTP on 127\.0\.0\.1:(\d+) for <scheduling@northwind\.example>/.exec(io.out);
      expect(listening, io.out).not.toBeNull();
      const apiKey = /Demo API key:\s+(\S+)/.exec(io.out)![1]!;

      const delivered = await outgoing.waitForMessages(6, 30_000);
      const api = async <T,>(pathname: string): Promise<T> => {
        const response = await fetch(`${handle!.url}${pathname}`, { headers: { authorization: `Bearer ${apiKey}` } });
        expect(response.status, pathname).toBe(200);
        return (await response.json()) as T;
      };
      // The settings say this server listens, and where.
      const settings = await api<{ smtp: { listening: boolean; host: string | null; port: number | null; howTo: string } }>('/api/v1/inbound');
      expect(settings.smtp).toMatchObject({ listening: true, host: '127.0.0.1', port: Number(listening![1]) });
      expect(settings.smtp.howTo).toContain(`by SMTP on 127.0.0.1:${listening![1]}`);
      const { interviews } = await api<{ interviews: Array<{ id: string; uid: string; status: string; candidateId: string }> }>('/api/v1/interviews?status=scheduled&limit=200');
      // A calendar invitation the demo sent to the candidate of a scheduled interview.
      let found: { invitation: ReceivedEmail; interview: (typeof interviews)[number]; candidate: { name: string; email: string } } | null = null;
      for (const invitation of delivered) {
        if (invitation.calendar?.method !== 'REQUEST') continue;
        const interview = interviews.find((i) => i.uid === property(invitation.calendar!.ics, 'UID'));
        if (!interview) continue;
        const candidate = await api<{ name: string; email: string }>(`/api/v1/candidates/${interview.candidateId}`);
        if (invitation.envelope.to.includes(candidate.email)) {
          found = { invitation, interview, candidate };
          break;
        }
      }
      if (!found) return expect.fail('no calendar invitation to the candidate of a scheduled demo interview');
      const { interview, candidate } = found;
      const ics = found.invitation.calendar!.ics;
      expect(property(ics, 'ORGANIZER')).toBe('mailto:scheduling@northwind.example');
      expect(ics.replace(/\r?\n[ \t]/g, '')).toMatch(new RegExp(`ATTENDEE;[^\\n]*RSVP=TRUE[^\\n]*:mailto:${candidate.email}`, 'i'));
      const uid = interview.uid;

      const calendar = googleCalendar({
        uid,
        sequence: Number(property(ics, 'SEQUENCE') ?? 0),
        attendee: candidate,
        organizer: 'scheduling@northwind.example',
        partstat: 'DECLINED',
        start: new Date(property(ics, 'DTSTART')!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')),
        end: new Date(property(ics, 'DTEND')!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')),
        dtstamp: new Date(),
      });
      const raw = googleReplyMail(
        { from: candidate, to: 'scheduling@northwind.example', messageId: `<decline-${uid}@calendar.google.com>`, subject: `Declined: ${candidate.name}` },
        calendar,
      );
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(listening![1]), secure: false, ignoreTLS: true });
      await transport.sendMail({ envelope: { from: candidate.email, to: ['scheduling@northwind.example'] }, raw });
      transport.close();

      expect((await api<{ status: string }>(`/api/v1/interviews/${interview.id}`)).status).toBe('cancelled');
      const { replies } = await api<{ replies: Array<{ via: string; outcome: string; effect: string }> }>(`/api/v1/inbound/replies?interviewId=${interview.id}`);
      expect(replies[0]).toMatchObject({ via: 'smtp', outcome: 'applied', effect: 'cancelled' });

      // The recruiters' notice leaves over SMTP without waiting for the next poll of the outbox.
      const sentBefore = delivered.length;
      let notice: ReceivedEmail | undefined;
      for (const deadline = Date.now() + 10_000; !notice && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
        notice = outgoing.messages.slice(sentBefore).find((m) => /calendar/i.test(m.parsed.subject ?? '') && !m.envelope.to.includes(candidate.email));
      }
      expect(notice, 'the recruiters were told, over SMTP, that the candidate declined in their calendar').toBeDefined();
      expect(notice!.parsed.text).toContain(candidate.name);
    } finally {
      await handle?.close();
      await outgoing.close();
    }
  }, 90_000);
});
