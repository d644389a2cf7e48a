import type { Page } from 'playwright-core';
import { dashboardFixture, readJson, tokenOf } from '../../server/testing/dashboard-fixture.ts';
import type { WebTest } from './harness.ts';

export { readJson, tokenOf };

/** A panel of two New York interviewers (nine to five), an opening and a candidate, made over the API. */
export async function interviewSetup(web: WebTest, names: { panel: [string, string]; candidate: string; opening: string; candidateZone?: string }) {
  const fixture = dashboardFixture(web.server);
  const panel = [await fixture.member(names.panel[0]), await fixture.member(names.panel[1])];
  const openingId = await fixture.opening(names.opening);
  const candidateId = await fixture.candidate(names.candidate, names.candidateZone ?? 'Europe/London');
  return { fixture, panel, openingId, candidateId };
}

/**
 * Opens the candidate's page for a link token. The server renders /c/{token} itself (it works without
 * JavaScript) and links the app, which takes the page over. Should a server page ever come without the
 * app's script (an unbuilt app), the test serves the app's shell at that address instead, so the app
 * under test is always the one that runs.
 */
export async function openCandidatePage(web: WebTest, page: Page, token: string): Promise<void> {
  const served = await (await fetch(`${web.base}/c/${token}`)).text();
  if (!served.includes('/assets/')) {
    const shell = await (await fetch(`${web.base}/`)).text();
    await page.route(`**/c/${token}`, (route) =>
      route.request().method() === 'GET' ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell }) : route.continue(),
    );
  }
  await page.goto(`/c/${token}`);
  // The app has taken over (the plain page's forms are gone) before the test touches anything.
  await page.locator('main.candidate').waitFor({ state: 'attached' });
}

/** Messages in the outbox of a kind, as GET /api/v1/messages lists them. */
export interface OutboxMessage {
  to: string;
  kind: string;
  subject: string;
  body: string | null;
  interviewId: string | null;
}

export async function outbox(web: WebTest, kind: string): Promise<OutboxMessage[]> {
  return (await readJson<{ messages: OutboxMessage[] }>(web.server.call('GET', `/api/v1/messages?kind=${kind}&limit=100`))).messages;
}
