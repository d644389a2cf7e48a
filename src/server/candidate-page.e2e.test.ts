import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './testing/browser.ts';
import { listenOnLoopback, NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { LoopbackListener, TestServer } from './testing/test-server.ts';

// Runs where Debian's Chromium is installed (CI installs it); elsewhere it is skipped, saying why.
const available = hasChromium();
if (!available) console.warn('candidate-page.e2e: /usr/bin/chromium not found, browser test skipped');

describe.skipIf(!available)('the candidate page in Chromium without JavaScript', () => {
  let server: TestServer;
  let http: LoopbackListener;
  let base: string;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    http = await listenOnLoopback(server);
    base = http.base;
    chromium = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await http?.close();
    await server?.close();
  });

  it('lets a candidate pick a time, then cancel late with the phone script shown', async () => {
    await server.call('PATCH', '/api/v1/organization', { contactPhone: '+1 555 0100' });
    const post = async (p: string, body: unknown) => ((await (await server.call('POST', p, body)).json()) as { id: string; candidateLink: string });
    const member = await post('/api/v1/members', { name: 'Grace', email: 'grace@acme.test', role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE });
    const opening = await post('/api/v1/openings', { title: 'Analyst' });
    const candidate = await post('/api/v1/candidates', { name: 'Jo', email: 'jo@example.com', timezone: 'Europe/Berlin' });
    const invited = await post('/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Interview', durationMinutes: 60, panel: [member.id], offer: { count: 3 } });
    const path = new URL(invited.candidateLink).pathname;

    // Without JavaScript: the plain page is the fallback when the web app cannot run.
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await expect(page.getByRole('heading', { name: 'Choose a time' }).isVisible()).resolves.toBe(true);
    const firstTime = page.locator('form[action$="/accept"] button').first();
    const chosen = (await firstTime.textContent()) ?? '';
    expect(chosen).toContain('(Berlin time)');
    await firstTime.click();
    await page.waitForSelector('text=your interview is booked');
    expect(await page.locator('text=Status:').locator('..').textContent()).toContain('scheduled');

    // Five hours before the start: the page shows late notice, the number, and takes the cancellation.
    const detail = (await (await server.call('GET', `/api/v1/interviews/${invited.id}`)).json()) as { start: string };
    server.setNow(new Date(new Date(detail.start).getTime() - 5 * 3_600_000));
    await page.goto(`${base}${path}`);
    expect(await page.locator('.notice-late').textContent()).toContain('+15550100');
    const cancel = page.locator('form[action$="/cancel"]');
    await cancel.locator('select[name="reason"]').selectOption('transportation');
    await cancel.locator('input[name="calledAhead"]').check();
    await cancel.locator('button').click();
    await page.waitForSelector('text=What to say on the phone');
    expect(await page.locator('ol li').count()).toBeGreaterThanOrEqual(3);
    const after = (await (await server.call('GET', `/api/v1/interviews/${invited.id}`)).json()) as { status: string; history: Array<{ action: string; noticeClass: string | null; details: Record<string, unknown> | null }> };
    expect(after.status).toBe('cancelled');
    expect(after.history.at(-1)).toMatchObject({ action: 'cancelled', noticeClass: 'late', details: { calledAhead: true } });
    await page.close();
  }, 60_000);
});
