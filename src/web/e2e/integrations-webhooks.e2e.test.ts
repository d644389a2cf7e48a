import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../server/testing/dashboard-fixture.ts';
import { hasChromium, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('integrations-webhooks.e2e: /usr/bin/chromium not found, browser test skipped');

// Tuesday 1 December 2026, 12:00 UTC (07:00 in New York, the organization's zone).
const NOW = '2026-12-01T12:00:00Z';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * The signatures a Standard Webhooks receiver accepts for this request, computed by the specification's own
 * library. Its `verify` also checks the timestamp against the machine's clock, which is not the server's
 * test clock, so the signature is compared directly.
 */
function signedBy(secret: string, request: Received): boolean {
  const id = String(request.headers['webhook-id']);
  const timestamp = new Date(Number(request.headers['webhook-timestamp']) * 1000);
  const expected = new StandardWebhook(secret).sign(id, timestamp, request.body);
  return String(request.headers['webhook-signature']).split(' ').includes(expected);
}

describe.skipIf(!available)('webhooks in the dashboard, delivered to a loopback receiver, in Chromium', () => {
  let web: WebTest;
  let receiver: http.Server;
  let receiverBase: string;
  const received: Received[] = [];
  let secret: string;
  beforeAll(async () => {
    web = await startWebTest({ now: NOW, webhooks: true });
    // A loopback receiver: /hook takes every event, /gone answers that it is gone for good.
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(req.url === '/gone' ? 410 : 204);
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  }, 90_000);
  afterAll(async () => {
    await web?.close();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  it('adds a webhook whose secret is shown once and never listed', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    await page.getByText('No webhooks yet.').waitFor();
    await web.expectAccessible(page, 'the integrations page');

    await page.getByRole('button', { name: 'Add a webhook' }).click();
    await page.getByLabel('Address (URL) that receives the events').fill(`${receiverBase}/hook`);
    await page.getByLabel('Description (optional)').fill('Applicant tracking');
    // Without an event the server refuses, and its words show beside the events; the corrected form then goes through.
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    await page.getByText('Subscribe to at least one event type.').waitFor();
    await expect(page.getByRole('group', { name: 'Events to send' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('checkbox', { name: /^interview\.scheduled/ }).check();
    await page.getByRole('checkbox', { name: /^interview\.cancelled/ }).check();
    await web.expectAccessible(page, 'the new webhook form');
    await page.getByRole('button', { name: 'Add the webhook' }).click();

    await page.getByRole('heading', { name: 'Webhook added' }).waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toBe('Webhook added');
    secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText('This secret will not be shown again.').waitFor();
    await web.screenshot(page, 'integrations-webhook-created');
    // The list never gives it back.
    const listed = await web.server.call('GET', '/api/v1/webhooks').then((r) => r.text());
    expect(listed).toContain('Applicant tracking');
    expect(listed).not.toContain(secret);
    await page.getByRole('button', { name: 'Done, I have kept it' }).click();
    await expect(page.getByLabel('Signing secret').count()).resolves.toBe(0);
    await expect(page.locator(':focus').textContent()).resolves.toBe('Webhooks');
    web.expectNoConsoleErrors(page);
  }, 30_000);

  it('sends a test event the receiver gets signed, and logs it as delivered with its payload', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/integrations');
    const item = page.getByRole('article', { name: 'Applicant tracking' });
    await expect(item.textContent()).resolves.toContain('interview.scheduled');
    await item.getByRole('button', { name: 'Send test event to Applicant tracking' }).click();
    const notice = item.getByText(/A test event \(webhook-id (\S+)\) is on its way/);
    await notice.waitFor();
    const webhookId = /webhook-id (\S+)\)/.exec((await notice.textContent())!)![1]!;
    const log = item.getByRole('region', { name: 'Deliveries to Applicant tracking' });
    const row = log.getByRole('row').filter({ hasText: webhookId });
    await row.getByText('Delivered', { exact: true }).waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toContain('HTTP 204');
    await expect(row.textContent()).resolves.toMatch(/Delivered \w{3}, \d+ Dec 2026, \d\d:\d\d \(New York time\)/);

    // The receiver got it once, signed with the secret shown, under the id the log shows.
    const hits = received.filter((r) => r.headers['webhook-id'] === webhookId);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.path).toBe('/hook');
    expect(signedBy(secret, hits[0]!)).toBe(true);
    const sent = JSON.parse(hits[0]!.body) as { type: string };

    await row.getByText('Show the payload').click();
    const payload = JSON.parse((await row.locator('pre').textContent())!) as { type: string };
    expect(payload).toEqual(sent);
    await web.expectAccessible(page, 'the delivery log');
    await web.screenshot(page, 'integrations-webhook-delivered');
    web.expectNoConsoleErrors(page);
  }, 30_000);

  it('replaces the secret after asking, shows the new one once, and changes the events it receives', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/integrations');
    const item = page.getByRole('article', { name: 'Applicant tracking' });
    // A new secret, after asking; shown once, and different.
    await item.getByRole('button', { name: 'Replace the secret of Applicant tracking' }).click();
    await expect(page.locator(':focus').textContent()).resolves.toBe('Replace the signing secret of Applicant tracking?');
    await item.getByRole('button', { name: 'Replace the secret', exact: true }).click();
    await item.getByRole('heading', { name: 'New signing secret' }).waitFor();
    const rotated = await item.getByLabel('Signing secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await web.expectAccessible(page, 'a replaced secret');
    await item.getByRole('button', { name: 'Done, I have kept it' }).click();

    // Changing what it receives: the form holds the current choice, the result is said and takes focus.
    await item.getByRole('button', { name: 'Change Applicant tracking' }).click();
    await expect(item.getByRole('checkbox', { name: /^interview\.scheduled/ }).isChecked()).resolves.toBe(true);
    await item.getByRole('checkbox', { name: /^interview\.cancelled/ }).uncheck();
    await item.getByRole('button', { name: 'Save changes' }).click();
    await item.getByText(`Saved: one kind of event goes to ${receiverBase}/hook.`).waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toContain('Saved: one kind of event');
    await expect.poll(() => item.locator('dd code.event-code').allTextContents()).toEqual(['interview.scheduled']);
    web.expectNoConsoleErrors(page);
  }, 30_000);

  it('shows a webhook disabled by a 410 with the reason, enables it again, and deletes one after asking', async () => {
    const page = await web.newPage();
    page.setDefaultTimeout(10_000);
    await web.signIn(page);
    await page.goto('/dashboard/integrations');
    await page.getByRole('button', { name: 'Add a webhook' }).click();
    await page.getByLabel('Address (URL) that receives the events').fill(`${receiverBase}/gone`);
    await page.getByLabel('Description (optional)').fill('Old system');
    await page.getByRole('button', { name: 'Choose every event' }).click();
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    await page.getByRole('button', { name: 'Done, I have kept it' }).click();

    const item = page.getByRole('article', { name: 'Old system' });
    await item.getByRole('button', { name: 'Send test event to Old system' }).click();
    // The receiver answers 410 Gone: the webhook is disabled at once, and the page says why.
    await item.getByText('Disabled', { exact: true }).waitFor({ timeout: 15_000 });
    const [disabled] = (await readJson<{ webhooks: Array<{ description: string; disabledReason: string }> }>(web.server.call('GET', '/api/v1/webhooks'))).webhooks.filter(
      (w) => w.description === 'Old system',
    );
    await item.getByText(`Leeway stopped sending to this address`).waitFor();
    await expect(item.textContent()).resolves.toContain(disabled!.disabledReason);
    await web.expectAccessible(page, 'a disabled webhook');
    await web.screenshot(page, 'integrations-webhook-disabled');

    await item.getByRole('button', { name: 'Enable again Old system' }).click();
    await item.getByText('Enabled again', { exact: false }).waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toContain('Enabled again');
    await item.getByText('Active', { exact: true }).waitFor();

    await item.getByRole('button', { name: 'Delete Old system' }).click();
    await expect(page.locator(':focus').textContent()).resolves.toBe('Delete the webhook Old system?');
    await item.getByRole('button', { name: 'Delete the webhook' }).click();
    await page.getByText(`Deleted the webhook to ${receiverBase}/gone`).waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toContain('Deleted the webhook');
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    web.expectNoConsoleErrors(page);
  }, 30_000);

  it('reads well on a phone, the delivery log included', async () => {
    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    await phone.goto('/dashboard/integrations');
    const onPhone = phone.getByRole('article', { name: 'Applicant tracking' });
    await onPhone.getByRole('button', { name: 'Show the delivery log of Applicant tracking' }).click();
    await onPhone.getByText('Delivered', { exact: true }).first().waitFor();
    await web.expectAccessible(phone, 'the integrations page on a phone');
    await web.screenshot(phone, 'integrations-webhooks-phone');
    web.expectNoConsoleErrors(phone);
  }, 30_000);
});
