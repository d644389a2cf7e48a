import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, PHONE, RECRUITER, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('landing.e2e: /usr/bin/chromium not found, browser test skipped');

describe.skipIf(!available)('the landing page and sign-in in Chromium', () => {
  let web: WebTest;
  beforeAll(async () => {
    web = await startWebTest();
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });

  it('greets a newcomer, on a phone too, and leads a recruiter to the dashboard', async () => {
    const page = await web.newPage({ viewport: PHONE });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Leeway' }).isVisible()).resolves.toBe(true);
    // Outside demo mode there are no demo credentials: the page says how to sign in instead.
    await expect(page.getByRole('link', { name: 'Sign in to the dashboard' }).isVisible()).resolves.toBe(true);
    await web.expectAccessible(page, 'the landing page');
    await web.screenshot(page, 'landing-phone');
    web.expectNoConsoleErrors(page);

    await web.signIn(page);
    await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();
    await web.screenshot(page, 'dashboard-signed-in');
    await web.expectAccessible(page, 'the dashboard');
    web.expectNoConsoleErrors(page);
  });

  it('sends a signed-out recruiter to sign in, and after one sign-in back to the page first asked for', async () => {
    const page = await web.newPage();
    await page.goto('/dashboard/openings');
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email').fill(RECRUITER.email);
    await page.getByLabel('Password').fill(RECRUITER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard\/openings$/);
    await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();
    // Still there a moment later: not bounced back to the sign-in form.
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/dashboard/openings');
    web.expectNoConsoleErrors(page);
  });

  it('never follows a sign-in "next" out of the dashboard', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in?next=//evil.example/dashboard');
    await page.getByLabel('Email').fill(RECRUITER.email);
    await page.getByLabel('Password').fill(RECRUITER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(new URL(page.url()).host).toBe(new URL(web.base).host);
  });
});
