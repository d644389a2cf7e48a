import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFixture, readJson } from '../../server/testing/dashboard-fixture.ts';
import { hasChromium, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('integrations-replies.e2e: /usr/bin/chromium not found, browser test skipped');

// Tuesday 1 December 2026, 12:00 UTC (07:00 in New York, the organization's zone).
const NOW = '2026-12-01T12:00:00Z';

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * A calendar's answer to an invitation as it arrives by email (RFC 6047): one text/calendar part whose
 * MIME method agrees with the object's, the sender answering for themselves (RFC 5546 REPLY or COUNTER).
 */
function replyMail(reply: {
  method: 'REPLY' | 'COUNTER';
  from: { name: string; email: string };
  to: string;
  uid: string;
  sequence: number;
  partstat: 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  start: string;
  end: string;
  messageId: string;
}): string {
  const calendar = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Integration test//Calendar client//EN',
    `METHOD:${reply.method}`,
    'BEGIN:VEVENT',
    `UID:${reply.uid}`,
    `SEQUENCE:${reply.sequence}`,
    `DTSTAMP:${stamp(NOW)}`,
    `DTSTART:${stamp(reply.start)}`,
    `DTEND:${stamp(reply.end)}`,
    `ORGANIZER:mailto:${reply.to}`,
    `ATTENDEE;PARTSTAT=${reply.partstat};CN=${reply.from.name}:mailto:${reply.from.email}`,
    'SUMMARY:Interview',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  return [
    `From: ${reply.from.name} <${reply.from.email}>`,
    `To: ${reply.to}`,
    `Subject: ${reply.method === 'COUNTER' ? 'New time proposed' : 'Accepted'}: Interview`,
    `Date: ${new Date(NOW).toUTCString()}`,
    `Message-ID: ${reply.messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: text/calendar; charset="utf-8"; method=${reply.method}`,
    'Content-Transfer-Encoding: 8bit',
    '',
    calendar,
  ].join('\r\n');
}

describe.skipIf(!available)('attendees’ calendar replies on the interview page, in Chromium', () => {
  let web: WebTest;
  let interview: { id: string; uid: string; sequence: number; start: string; end: string };
  let ada: { name: string; email: string };
  let alan: { name: string; email: string };
  let secret: string;
  let address: string;
  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    const seed = dashboardFixture(web.server);
    const graceId = await seed.member('Grace Hopper', { timezone: 'America/New_York' });
    const alanId = await seed.member('Alan Turing', { timezone: 'Europe/London' });
    const opening = await seed.opening('Backend engineer');
    const adaId = await seed.candidate('Ada Lovelace', 'Europe/Berlin');
    const booked = await seed.interview({ openingId: opening, candidateId: adaId, panel: [graceId, alanId], start: '2026-12-03T15:00:00Z', title: 'Technical interview' });
    interview = await readJson(web.server.call('GET', `/api/v1/interviews/${booked.id}`));
    ada = await readJson(web.server.call('GET', `/api/v1/candidates/${adaId}`));
    alan = await readJson(web.server.call('GET', `/api/v1/members/${alanId}`));
  }, 90_000);
  afterAll(async () => {
    await web?.close();
  });

  it('creates a forwarding secret on the integrations page, shown once', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/integrations');
    const replies = page.getByRole('region', { name: 'Calendar replies' });
    address = (await replies.locator('dd code').first().textContent())!;
    expect(address).toMatch(/@/);
    await replies.getByText('Not set: forwarded replies are refused').waitFor();
    await replies.getByRole('button', { name: 'Create a forwarding secret' }).click();
    const secretField = replies.getByLabel('Forwarding secret', { exact: true });
    await secretField.waitFor();
    secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await replies.getByText('This secret will not be shown again.').waitFor();
    await replies.getByText(/^Set on \w{3}, 1 Dec 2026, 07:00 \(New York time\)\. A forwarding that presents it is accepted\.$/).waitFor();
    await web.expectAccessible(page, 'the calendar replies settings');
    await web.screenshot(page, 'integrations-inbound-secret');
    web.expectNoConsoleErrors(page);
  }, 30_000);

  it('shows on the interview page each attendee’s answer and every reply received, the ignored one with why, and moves it to the time proposed', async () => {
    // The mail provider forwards three messages over the real socket, as it received them.
    const forward = async (raw: string) => {
      const response = await fetch(`${web.base}/api/v1/inbound/email`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' }, body: raw });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
    };
    const common = { to: address, uid: interview.uid, sequence: interview.sequence, start: interview.start, end: interview.end };
    await forward(replyMail({ ...common, method: 'REPLY', from: ada, partstat: 'ACCEPTED', messageId: '<accept-1@mail.example.com>' }));
    // Alan asks for Friday 4 December, 16:00 UTC: 11:00 in New York.
    await forward(
      replyMail({ ...common, method: 'COUNTER', from: alan, partstat: 'TENTATIVE', start: '2026-12-04T16:00:00Z', end: '2026-12-04T17:00:00Z', messageId: '<counter-1@mail.example.com>' }),
    );
    // Someone not invited answers for themselves: recorded, and ignored.
    await forward(replyMail({ ...common, method: 'REPLY', from: { name: 'Mallory', email: 'mallory@elsewhere.example' }, partstat: 'DECLINED', messageId: '<forged-1@mail.example.com>' }));

    // The integrations page lists what arrived, so a new forwarding can be checked; each leads to its interview.
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/integrations');
    const lately = page.getByRole('list', { name: 'Replies received lately' });
    await lately.getByRole('listitem').nth(2).waitFor();
    await expect(lately.getByRole('listitem').count()).resolves.toBe(3);
    await expect(lately.getByRole('listitem').filter({ hasText: 'mallory@elsewhere.example' }).textContent()).resolves.toContain('Ignored: the sender');
    await lately.getByRole('listitem').filter({ hasText: ada.email }).getByRole('link', { name: 'Open the interview' }).click();
    await page.waitForURL(`**/dashboard/interviews/${interview.id}`);
    const section = page.getByRole('region', { name: 'Replies' });
    const answers = section.getByRole('list', { name: 'Attendees’ answers' });
    await answers.getByRole('listitem').filter({ hasText: 'Ada Lovelace' }).getByText('Accepted').waitFor();
    await expect(answers.getByRole('listitem').filter({ hasText: 'Ada Lovelace' }).textContent()).resolves.toContain('(New York time)');
    await answers.getByRole('listitem').filter({ hasText: 'Grace Hopper' }).getByText('No answer').waitFor();
    // The COUNTER reached the recruiter: the history says so, with the time proposed.
    await page.getByRole('region', { name: 'History' }).getByText('Asked for another time').waitFor();

    const received = section.getByRole('list', { name: 'Calendar replies received' });
    await received.getByRole('listitem').nth(2).waitFor();
    await expect(received.getByRole('listitem').count()).resolves.toBe(3);
    const counter = received.getByRole('listitem').filter({ hasText: 'Proposed another time' });
    await expect(counter.textContent()).resolves.toContain('Fri, 4 Dec 2026, 11:00 (New York time) until 12:00');
    const forged = received.getByRole('listitem').filter({ hasText: 'mallory@elsewhere.example' });
    await expect(forged.textContent()).resolves.toContain('Ignored: the sender mallory@elsewhere.example is not an attendee');
    await web.expectAccessible(page, 'the interview’s replies');
    await web.screenshot(page, 'integrations-interview-replies');

    // The recruiter moves the interview to the time Alan proposed, chosen already since the panel is free then.
    await counter.getByRole('button', { name: 'Move the interview to this time…' }).click();
    await page.getByRole('heading', { name: 'Reschedule the interview' }).waitFor();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('action-heading');
    await page.getByText('The time proposed, Fri, 4 Dec 2026, 11:00 (New York time), is free for the whole panel and chosen below.').waitFor();
    await expect(page.getByRole('radio', { checked: true }).first().getAttribute('value')).resolves.toBe('2026-12-04T16:00:00.000Z');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('region', { name: 'Confirm: reschedule the interview' }).getByRole('button', { name: 'Reschedule' }).click();
    await expect(page.getByRole('region', { name: 'Done' }).textContent()).resolves.toContain('Fri, 4 Dec 2026, 11:00 (New York time)');
    // Now at that time, there is nothing left to move to.
    await expect.poll(() => counter.getByRole('button', { name: 'Move the interview to this time…' }).count()).toBe(0);
    web.expectNoConsoleErrors(page);
  }, 30_000);

  it('reads well on a phone', async () => {
    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    await phone.goto(`/dashboard/interviews/${interview.id}`);
    await phone.getByRole('region', { name: 'Replies' }).getByText('Proposed another time').waitFor();
    await web.expectAccessible(phone, 'the interview’s replies on a phone');
    await web.screenshot(phone, 'integrations-interview-replies-phone');
    web.expectNoConsoleErrors(phone);
  }, 30_000);
});
