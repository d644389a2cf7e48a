import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, NINE_TO_FIVE, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('candidate-link.e2e: /usr/bin/chromium not found, browser test skipped');

describe.skipIf(!available)('a candidate link opened from an email, in Chromium', () => {
  let web: WebTest;
  let path: string;
  let booked: { id: string; path: string };
  beforeAll(async () => {
    web = await startWebTest();
    const post = async (p: string, body: unknown) => (await (await web.server.call('POST', p, body)).json()) as { id: string; candidateLink: string };
    const member = await post('/api/v1/members', { name: 'Grace Hopper', email: 'grace@acme.test', role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE });
    const opening = await post('/api/v1/openings', { title: 'Analyst' });
    const candidate = await post('/api/v1/candidates', { name: 'Jo Park', email: 'jo@example.com', timezone: 'Europe/Berlin' });
    const invited = await post('/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Interview', durationMinutes: 60, panel: [member.id], offer: { count: 3 } });
    path = new URL(invited.candidateLink).pathname;
    const video = await post('/api/v1/interviews', {
      openingId: opening.id, candidateId: candidate.id, title: 'Video interview', durationMinutes: 60, panel: [member.id],
      start: '2026-12-03T15:00:00Z', videoUrl: 'https://meet.example/abc',
    });
    booked = { id: video.id, path: new URL(video.candidateLink).pathname };
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });

  it('loads the server page, then the app takes it over under the strict CSP, with no console error', async () => {
    const page = await web.newPage({ viewport: PHONE });
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The app's own root: the server's page has no element with the candidate app's class.
    await page.locator('#root main.candidate').waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await web.expectAccessible(page, 'the candidate page');
    web.expectNoConsoleErrors(page);
    await web.screenshot(page, 'candidate-link-app');
  });

  it('is the same page as plain forms without JavaScript', async () => {
    const page = await web.newPage({ javaScript: false });
    await page.goto(path);
    await expect(page.locator('form[action$="/accept"] button').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('main.candidate').count()).resolves.toBe(0);
    await web.screenshot(page, 'candidate-link-plain');
  });

  it('offers the video call only while the interview is on, in the app and on the plain page', async () => {
    const app = await web.newPage({ viewport: PHONE });
    const plain = await web.newPage({ javaScript: false });
    await app.goto(booked.path);
    await app.getByRole('link', { name: /Join the video call/ }).waitFor();
    await plain.goto(booked.path);
    await expect(plain.locator('main').textContent()).resolves.toContain('https://meet.example/abc');

    const cancelled = await web.server.call('POST', `/api/v1/interviews/${booked.id}/cancel`, { reason: 'interviewer_unavailable' });
    expect(cancelled.status).toBe(200);
    await app.reload();
    await app.getByText('This interview is cancelled.').waitFor();
    await expect(app.getByRole('link', { name: /Join the video call/ }).count()).resolves.toBe(0);
    await plain.reload();
    await expect(plain.locator('main').textContent()).resolves.not.toContain('meet.example');
    web.expectNoConsoleErrors(app);
  });
});
