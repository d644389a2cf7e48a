import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewSetup, openCandidatePage, outbox, readJson, tokenOf } from './candidate-fixture.ts';
import { hasChromium, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('candidate.e2e: /usr/bin/chromium not found, browser test skipped');

describe.skipIf(!available)("the candidate's page in Chromium", () => {
  let web: WebTest;
  beforeAll(async () => {
    web = await startWebTest({ now: '2026-12-01T18:00:00Z' });
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });

  it('cancels late: think twice, a reason, a reviewed draft, a call first, then send; the recruiter sees it in the feed', async () => {
    web.server.setNow('2026-12-01T18:00:00Z');
    const { fixture, panel, openingId, candidateId } = await interviewSetup(web, { panel: ['Ada Park', 'Ben Ortiz'], candidate: 'Clara Stein', opening: 'Platform Engineer' });
    // Tomorrow 10:00 in New York, 15:00 in London: 21 hours away, under the 24 hours asked for.
    const interview = await fixture.interview({ openingId, candidateId, panel, start: '2026-12-02T15:00:00Z', title: 'Technical interview' });
    const token = tokenOf(interview.candidateLink);

    const page = await web.newPage({ viewport: PHONE });
    await openCandidatePage(web, page, token);
    await page.getByRole('heading', { level: 1, name: 'Your interview with Acme' }).waitFor();
    const card = page.getByRole('region', { name: 'Technical interview' });
    await expect(card.textContent()).resolves.toContain('Ada Park, Ben Ortiz');
    await expect(card.textContent()).resolves.toContain('Wed, 2 Dec 2026, 15:00 (London time)');
    await expect(card.textContent()).resolves.toContain('Wed, 2 Dec 2026, 10:00 (New York time)');
    const notice = page.getByRole('region', { name: 'Notice if you change plans now' });
    await expect(notice.textContent()).resolves.toMatch(/Late notice.*You would give 21 hours of notice/);
    await web.expectAccessible(page, 'the interview page');
    await web.screenshot(page, 'candidate-interview-phone');

    // One action at a time: cancelling opens its own steps, starting with the nearest free times.
    await page.getByRole('button', { name: 'Cancel the interview' }).click();
    await page.getByRole('heading', { name: 'Step 1 of 4: Move it instead?' }).waitFor();
    const nearest = page.getByRole('list', { name: 'Nearest free times' }).getByRole('button');
    await nearest.first().waitFor();
    await expect(nearest.first().textContent()).resolves.toMatch(/^Move it to .*\(London time\)$/);
    await expect(page.getByRole('button', { name: 'Reschedule' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await web.expectAccessible(page, 'the think-twice step');

    await page.getByRole('button', { name: 'No, I need to cancel' }).click();
    await page.getByRole('heading', { name: 'Step 2 of 4: Why are you cancelling?' }).waitFor();
    await page.getByRole('radio', { name: 'A scheduling conflict' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // The composer's draft, editable, reviewed as it is typed.
    await page.getByRole('heading', { name: 'Step 3 of 4: Your message' }).waitFor();
    const draft = page.getByLabel('Your message (edit it as you like)');
    await expect.poll(() => draft.inputValue(), { timeout: 15_000 }).toContain('Platform Engineer');
    const status = page.locator('.review-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Review:/);
    await expect(page.getByRole('list', { name: 'Elements of a considerate message' }).textContent()).resolves.toContain('Thanks them for the opportunity');
    await draft.press('End');
    await draft.pressSequentially(' Honestly my current boss is an idiot and your recruiter was useless.', { delay: 5 });
    await page.getByRole('list', { name: 'Findings' }).waitFor();
    await expect(status.textContent()).resolves.toMatch(/Review: .*thing/);
    expect(await page.locator('.highlight-backdrop mark').count()).toBeGreaterThan(0);
    await web.expectAccessible(page, 'the draft step with findings');
    await web.screenshot(page, 'candidate-cancel-draft-phone');
    // Taken back out: the findings go with the words.
    await draft.fill((await draft.inputValue()).replace(' Honestly my current boss is an idiot and your recruiter was useless.', ''));
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Review: .*nothing to fix/);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Step 4 of 4: Call first' }).waitFor();
    const call = page.getByRole('link', { name: /^Call \+1/ });
    await expect(call.getAttribute('href')).resolves.toMatch(/^tel:\+1\d+$/);
    expect(await page.locator('.call-script ol li').count()).toBeGreaterThan(1);
    await web.expectAccessible(page, 'the call-first step');
    await page.getByRole('checkbox', { name: 'I have called the coordinator' }).check();
    // A double click counts once: one Idempotency-Key per submission.
    await page.getByRole('button', { name: 'Send and cancel the interview' }).dblclick();

    const confirmation = page.getByRole('heading', { level: 2, name: 'Your interview is cancelled' });
    await confirmation.waitFor();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('confirmation-heading');
    const confirmed = (await page.locator('.confirmation').textContent()) ?? '';
    expect(confirmed).toMatch(/You gave 21 hours of notice: late under Acme's policy/);
    expect(confirmed).toContain('The recruiting team gets an email.');
    expect(confirmed).toMatch(/The 2 interviewers get an email each and a calendar cancellation\./);
    expect(confirmed).toContain('Interviewers: Ada Park, Ben Ortiz');
    await expect(page.getByText('This interview is cancelled.').isVisible()).resolves.toBe(true);
    await web.expectAccessible(page, 'the cancellation confirmation');
    await web.screenshot(page, 'candidate-cancelled-phone');
    web.expectNoConsoleErrors(page);

    // What the panel and the team got is what the page said, once.
    const toTeam = (await outbox(web, 'coordinator_cancellation')).filter((m) => m.interviewId === interview.id);
    expect(toTeam).toHaveLength(1);
    expect((await outbox(web, 'panel_cancellation')).filter((m) => m.interviewId === interview.id)).toHaveLength(2);

    // A reload shows the state as it is now and sends nothing again.
    await page.reload();
    await page.getByText('This interview is cancelled.').waitFor();
    expect(await page.locator('.confirmation').count()).toBe(0);
    expect((await outbox(web, 'coordinator_cancellation')).filter((m) => m.interviewId === interview.id)).toHaveLength(1);
    web.expectNoConsoleErrors(page);

    // The recruiter's feed lists it: the candidate's side, late notice, the reason.
    const recruiter = await web.newPage();
    await web.signIn(recruiter);
    await recruiter.goto('/dashboard/changes');
    await recruiter.getByRole('heading', { level: 1, name: 'Changes' }).waitFor();
    const feed = await readJson<{ changes: Array<{ action: string; side: string; noticeClass: string | null; reason: string | null; interview: { id: string } }> }>(
      web.server.call('GET', '/api/v1/changes'),
    );
    expect(feed.changes.find((c) => c.interview.id === interview.id && c.action === 'cancelled')).toMatchObject({
      side: 'candidate',
      noticeClass: 'late',
      reason: 'schedule_conflict',
    });
    await web.screenshot(recruiter, 'candidate-cancel-recruiter-feed');
    web.expectNoConsoleErrors(recruiter);
  }, 180_000);
});
