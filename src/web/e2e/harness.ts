import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebhookWorker } from '../../notify/webhook-worker.ts';
import { launchChromium } from '../../server/testing/browser.ts';
import { startTestServer } from '../../server/testing/test-server.ts';
import { loadWebAssets } from '../../server/web-assets.ts';
import type { TestServer } from '../../server/testing/test-server.ts';

export { hasChromium } from '../../server/testing/browser.ts';
export { NINE_TO_FIVE } from '../../server/testing/test-server.ts';

export const RECRUITER = { email: 'recruiter@acme.test', password: 'correct horse battery' };
export const PHONE = { width: 390, height: 844 };
const RESULTS_DIR = path.resolve('test-results');

/**
 * A whole Leeway server on a real socket (in-memory database, a clock the test sets), Debian's
 * Chromium, and what every browser test checks: no console errors, no serious accessibility violation,
 * a screenshot of where it ended.
 */
export interface WebTest {
  server: TestServer;
  base: string;
  browser: Browser;
  /** A fresh browser context (own cookies) whose clock agrees with the server's. */
  newPage(options?: { viewport?: { width: number; height: number }; javaScript?: boolean }): Promise<Page>;
  /** Signs the recruiter in through the sign-in page and lands on the dashboard. */
  signIn(page: Page): Promise<void>;
  /** Fails with the list of console errors and uncaught exceptions seen on the page. */
  expectNoConsoleErrors(page: Page): void;
  /** Fails on any serious or critical axe-core violation of the page as it is now. */
  expectAccessible(page: Page, label: string): Promise<void>;
  /** Saves test-results/NAME.png of the whole page. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startWebTest(options: { now?: string; webhooks?: boolean } = {}): Promise<WebTest> {
  // LEEWAY_WEB_ROOT points at another build of the app (e.g. one made with `vite build --outDir`).
  const web = loadWebAssets(process.env.LEEWAY_WEB_ROOT ?? undefined);
  const server = await startTestServer({ now: options.now ?? '2026-12-01T12:00:00Z', admin: RECRUITER, web });
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // With `webhooks`, queued events go out as a serving process sends them: a worker polling the queue.
  const webhooks = options.webhooks
    ? createWebhookWorker({
        store: server.ctx.store,
        secrets: server.ctx.secrets,
        clock: server.ctx.clock,
        policy: { allowPrivateAddresses: server.ctx.config.allowPrivateUrls },
        sender: { fromAddress: server.ctx.config.mailFrom.address, mailDomain: server.ctx.config.mailDomain },
        pollMs: 200,
      })
    : null;
  webhooks?.start();
  const chromium = await launchChromium();
  const contexts: BrowserContext[] = [];
  const errors = new WeakMap<Page, string[]>();

  return {
    server,
    base,
    browser: chromium.browser,
    async newPage(pageOptions = {}) {
      const context = await chromium.browser.newContext({
        baseURL: base,
        viewport: pageOptions.viewport ?? { width: 1280, height: 900 },
        javaScriptEnabled: pageOptions.javaScript ?? true,
        locale: 'en-GB',
      });
      contexts.push(context);
      // Countdowns and "now" on the page follow the server's clock, which the test controls (a page
      // without JavaScript has no clock to set, and no script can run in it, axe-core's included).
      if (pageOptions.javaScript !== false) await context.clock.install({ time: server.ctx.clock() });
      const page = await context.newPage();
      const seen: string[] = [];
      errors.set(page, seen);
      page.on('console', (message) => {
        if (message.type() === 'error') seen.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
      return page;
    },
    async signIn(page) {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(RECRUITER.email);
      await page.getByLabel('Password').fill(RECRUITER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/dashboard/);
    },
    expectNoConsoleErrors(page) {
      const seen = errors.get(page) ?? [];
      // A 4xx the app expects and handles (e.g. GET /api/v1/demo outside demo mode) is logged by the
      // browser itself as a failed resource; only the app's own errors count.
      const own = seen.filter((line) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(line));
      if (own.length > 0) throw new Error(`Console errors on ${page.url()}:\n${own.join('\n')}`);
    },
    async expectAccessible(page, label) {
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (serious.length > 0) {
        const lines = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
        throw new Error(`Accessibility violations on ${label} (${page.url()}):\n${lines.join('\n')}`);
      }
    },
    async screenshot(page, name) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await chromium.close();
      await webhooks?.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
}
