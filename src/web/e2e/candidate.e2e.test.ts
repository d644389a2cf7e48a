import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewSetup, openCandidatePage, outbox, readJson, tokenOf } from './candidate-fixture.ts';
import { hasChromium, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';
import { messagesAsSent } from '../../store/testing/messages-as-sent.ts';

const available = hasChromium();
if (!available) console.warn('candidate.e2e: /usr/bin/chromium not found, browser test skipped');

describe.skipIf(!available)("the candidate's page in Chromium", () => {
  let web: WebTest;
  beforeAll(async () => {
    web = await startWebTest({ now: '2026-12-01T18:00:00Z' });
  }, 180_000);
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
    await web.screenshot(page, 'candidate-think-twice-phone');

    await page.getByRole('button', { name: 'No, I need to cancel' }).click();
    await page.getByRole('heading', { name: 'Step 2 of 4: Why are you cancelling?' }).waitFor();
    // Each next step's heading takes focus, so the move is heard.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.className')).toBe('step-heading');
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
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Review: .*thing/);
    expect(await page.locator('.highlight-backdrop mark').count()).toBeGreaterThan(0);
    await web.expectAccessible(page, 'the draft step with findings');
    await web.screenshot(page, 'candidate-cancel-draft-phone');
    // Taken back out: the findings go with the words.
    await draft.fill((await draft.inputValue()).replace(' Honestly my current boss is an idiot and your recruiter was useless.', ''));
    // What is left is at most the late-notice advice to call first (nothing has been ticked yet).
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Review: .*(nothing to fix|1 thing to look at)/);
    expect(await page.locator('.findings').count()).toBeLessThanOrEqual(1);
    expect((await page.locator('.findings').allTextContents()).join(' ')).not.toMatch(/idiot|useless/);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Step 4 of 4: Call first' }).waitFor();
    const call = page.getByRole('link', { name: /^Call \+1/ });
    // Grouped to be read aloud; the link dials the number as stored.
    await expect(call.textContent()).resolves.toMatch(/^Call \+1( \d{2,4})+$/);
    await expect(call.getAttribute('href')).resolves.toMatch(/^tel:\+1\d+$/);
    expect(await page.locator('.call-script ol li').count()).toBeGreaterThan(1);
    await web.expectAccessible(page, 'the call-first step');
    await web.screenshot(page, 'candidate-call-first-phone');
    await expect(page.getByRole('button', { name: 'Send without calling' }).isVisible()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'I have called the coordinator' }).check();
    // Once cancelled, no draft is asked for again (the server would refuse it).
    let cancelAnswered = false;
    const composedAfter: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/cancel')) cancelAnswered = true;
    });
    page.on('request', (request) => {
      if (cancelAnswered && request.url().endsWith('/compose')) composedAfter.push(request.url());
    });
    // A double click counts once: one Idempotency-Key per submission.
    const answered = page.waitForResponse((response) => response.url().endsWith('/cancel') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send and cancel the interview' }).dblclick();
    const answer = (await (await answered).json()) as { outcome: { text: string } };

    const confirmation = page.getByRole('heading', { level: 2, name: 'Your interview is cancelled' });
    await confirmation.waitFor();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('confirmation-heading');
    const confirmed = (await page.locator('.confirmation').textContent()) ?? '';
    expect(confirmed).toContain("You gave 21 hours of notice: Late notice under Acme's policy.");
    // Who receives what is the server's account of the emails it wrote, word for word.
    expect(confirmed).toContain(answer.outcome.text);
    expect(confirmed).toContain('The recruiting team gets an email.');
    expect(confirmed).toMatch(/The 2 interviewers get an email each and a calendar cancellation\./);
    expect(confirmed).toContain('Interviewers: Ada Park, Ben Ortiz');
    await expect(page.getByText('This interview is cancelled.').isVisible()).resolves.toBe(true);
    await web.expectAccessible(page, 'the cancellation confirmation');
    await web.screenshot(page, 'candidate-cancelled-phone');
    web.expectNoConsoleErrors(page);
    expect(composedAfter).toEqual([]);

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

    // The recruiter's feed lists it: the candidate's side, late notice, the reason category.
    const recruiter = await web.newPage();
    await web.signIn(recruiter);
    await recruiter.goto('/dashboard/changes');
    await recruiter.getByRole('heading', { level: 1, name: 'Changes' }).waitFor();
    const entry = recruiter.getByRole('article').filter({ hasText: 'Clara Stein' }).filter({ hasText: 'Cancelled' }).first();
    await entry.waitFor();
    const entryText = (await entry.textContent()) ?? '';
    expect(entryText).toContain('Candidate');
    expect(entryText).toContain('Late notice (21 h before)');
    expect(entryText).toContain('A scheduling conflict');
    await web.expectAccessible(recruiter, 'the changes feed with the cancellation');
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

  it('reschedules with the picker of free times in their own zone, after stating their hours, and is warned of a clock change', async () => {
    // New York moves its clocks on 14 March 2027; London not until the 28th, after the interview.
    web.server.setNow('2027-03-09T15:00:00Z');
    const { fixture, panel, openingId, candidateId } = await interviewSetup(web, { panel: ['Cy Moreau', 'Dee Laine'], candidate: 'Emil Berg', opening: 'Site Reliability Engineer' });
    const interview = await fixture.interview({ openingId, candidateId, panel, start: '2027-03-16T15:00:00Z', title: 'Systems interview' });
    const token = tokenOf(interview.candidateLink);

    const page = await web.newPage();
    await openCandidatePage(web, page, token);
    const warning = page.getByRole('note', { name: 'Clock change before your interview' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('In New York time the clocks go forward one hour (UTC-05:00 to UTC-04:00)');
    await expect(page.getByRole('region', { name: 'Systems interview' }).textContent()).resolves.toContain('For Acme: Tue, 16 Mar 2027, 11:00 (New York time)');

    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { level: 2, name: 'Reschedule' }).waitFor();
    const picker = page.getByRole('group', { name: 'Times the panel is free within your hours' });
    await picker.getByRole('radio').first().waitFor();
    await expect(picker.textContent()).resolves.toContain('Times in London time.');

    // They can only do afternoons (London time): the times offered follow.
    await page.getByText('Your hours', { exact: true }).click();
    // Each day's box is named by its day.
    await expect(page.getByRole('checkbox', { name: 'Saturday', exact: true }).count()).resolves.toBe(1);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await page.getByLabel(`${day} from`).fill('15:00');
      await page.getByLabel(`${day} to`).fill('18:00');
    }
    await page.getByRole('button', { name: 'Save my hours' }).click();
    await page.getByText('Your hours are saved.').waitFor();
    await web.expectAccessible(page, 'the reschedule picker with the hours form');
    await web.screenshot(page, 'candidate-reschedule-picker');
    const options = picker.getByRole('radio');
    await expect.poll(async () => (await picker.locator('label').allTextContents()).every((label) => / (15|16|17):\d\d \(London time\)$/.test(label)), { timeout: 15_000 }).toBe(true);
    const chosen = await options.first().getAttribute('value');
    const label = (await picker.locator('label').first().textContent()) ?? '';
    await options.first().check();
    await page.getByRole('button', { name: 'Move to this time' }).click();

    const confirmation = page.getByRole('heading', { level: 2, name: 'Your interview has moved' });
    await confirmation.waitFor();
    await expect(page.locator('.confirmation').textContent()).resolves.toContain(`It is now on ${label}.`);
    await expect(page.locator('.confirmation').textContent()).resolves.toMatch(/The 2 interviewers get an email each and a calendar invitation\./);
    const stored = await readJson<{ start: string }>(web.server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(stored.start).toBe(new Date(chosen!).toISOString());
    await web.expectAccessible(page, 'the reschedule confirmation');
    await web.screenshot(page, 'candidate-rescheduled');
    web.expectNoConsoleErrors(page);
  }, 180_000);

  it('declines an invitation with a reason, keeping in touch and referring someone; the recruiters get the referral', async () => {
    web.server.setNow('2026-12-01T18:00:00Z');
    const { panel, openingId, candidateId } = await interviewSetup(web, { panel: ['Fay Holm', 'Gil Nunes'], candidate: 'Hana Ito', opening: 'Product Designer', candidateZone: 'Europe/Madrid' });
    const invited = await readJson<{ id: string; status: string; candidateLink: string }>(
      web.server.call('POST', '/api/v1/interviews', { openingId, candidateId, panel, title: 'Design interview', durationMinutes: 45, offer: { count: 3 } }),
      201,
    );
    expect(invited.status).toBe('invited');

    const page = await web.newPage({ viewport: PHONE });
    await openCandidatePage(web, page, tokenOf(invited.candidateLink));
    await page.getByText('You have been invited: choose a time for your interview below.').waitFor();
    await page.getByRole('button', { name: 'Decline the invitation' }).click();
    await page.getByRole('heading', { name: 'Step 1 of 2: Your reason' }).waitFor();
    await page.getByRole('radio', { name: 'I accepted another offer' }).check();
    await expect(page.getByRole('checkbox', { name: 'Keep in touch about future roles at Acme' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('Their name').fill('Robin Vale');
    await expect(page.getByRole('button', { name: 'Continue' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Their email').fill('robin@example.com');
    await web.expectAccessible(page, 'the decline choices');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Step 2 of 2: Your message' }).waitFor();
    const draft = page.getByLabel('Your message (edit it as you like)');
    const status = page.locator('.review-status');
    // An invitation has no time yet for the composer to write about; the candidate writes a few words.
    await expect.poll(async () => (await draft.inputValue()) !== '' || (await page.getByText('No time has been picked yet').count()) > 0, { timeout: 15_000 }).toBe(true);
    if ((await draft.inputValue()) === '') {
      await draft.fill('Thank you for the invitation and for your time. I have accepted another offer, so I will decline. I am sorry for any inconvenience. Robin Vale (robin@example.com) would be a great fit. I would be glad to stay in touch about future roles.');
    }
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Review:/);
    await expect(page.getByRole('list', { name: 'Elements of a considerate message' }).textContent()).resolves.toContain('Refers someone');
    await web.expectAccessible(page, 'the decline message');
    await web.screenshot(page, 'candidate-decline-draft-phone');
    await page.getByRole('button', { name: 'Send and decline' }).click();

    await page.getByRole('heading', { level: 2, name: 'You declined the invitation' }).waitFor();
    const confirmed = (await page.locator('.confirmation').textContent()) ?? '';
    expect(confirmed).toContain('The recruiting team gets an email.');
    expect(confirmed).toContain("Your referral of Robin Vale is in the recruiting team's email.");
    await web.expectAccessible(page, 'the decline confirmation');
    await web.screenshot(page, 'candidate-declined-phone');
    web.expectNoConsoleErrors(page);

    const toTeam = (await outbox(web, 'coordinator_decline')).filter((m) => m.interviewId === invited.id);
    expect(toTeam).toHaveLength(1);
    expect(toTeam[0]!.body).toContain('They referred Robin Vale <robin@example.com>.');
  }, 180_000);

  it('claims a waitlist offer of freed time before it expires, watching the countdown', async () => {
    web.server.setNow('2026-12-01T18:00:00Z');
    const { fixture, panel, openingId, candidateId } = await interviewSetup(web, { panel: ['Ines Roy', 'Jon Pike'], candidate: 'Kim Holder', opening: 'Data Analyst' });
    const held = await fixture.interview({ openingId, candidateId, panel, start: '2026-12-08T15:00:00Z', title: 'Analytics interview' });
    const waiter = await fixture.candidate('Lena Wait', 'Europe/London');
    await readJson(web.server.call('POST', `/api/v1/openings/${openingId}/waitlist`, { candidateId: waiter, panel, durationMinutes: 60 }), 201);
    // The panel's time is freed: the waitlist is offered it.
    await readJson(web.server.call('POST', `/api/v1/interviews/${held.id}/cancel`, { reason: 'interviewer_unavailable' }));
    const offers = await messagesAsSent(web.server.ctx, web.server.organizationId, { kind: 'waitlist_offer' });
    const text = offers.map((m) => (m.payload as { email: { text: string } }).email.text).find((t) => t.includes('Data Analyst'))!;
    const token = /\/c\/(lw_offer_[A-Za-z0-9_-]+)/.exec(text)![1]!;

    const page = await web.newPage({ viewport: PHONE });
    await openCandidatePage(web, page, token);
    await page.getByRole('heading', { level: 1, name: 'A time has opened up for you' }).waitFor();
    await expect(page.getByRole('region', { name: 'Data Analyst at Acme' }).textContent()).resolves.toContain('Tue, 8 Dec 2026, 15:00 (London time)');
    const timer = page.getByRole('timer');
    const first = (await timer.textContent()) ?? '';
    expect(first).toMatch(/^\d+ h \d\d min \d\d s$/);
    // The timer stays on one line at phone width: its last "s" never wraps alone.
    await expect(timer.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).whiteSpace)).resolves.toBe('nowrap');
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(first);
    await web.expectAccessible(page, 'the waitlist offer');
    await web.screenshot(page, 'candidate-offer-phone');

    await page.getByRole('button', { name: 'Claim this time' }).dblclick();
    await page.getByRole('heading', { level: 2, name: 'This time is yours' }).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('claimed-heading');
    await expect(page.locator('.confirmation').textContent()).resolves.toContain('Your interview with Acme is booked for Tue, 8 Dec 2026, 15:00 (London time).');
    // What the panel receives, in the server's words from the emails the claim wrote.
    await expect(page.locator('.confirmation').textContent()).resolves.toMatch(/You get an email and a calendar invitation\..*interviewer/);
    const link = await page.getByRole('link', { name: "Open your interview's page" }).getAttribute('href');
    expect(link).toMatch(/^\/c\/lw_cand_/);
    await web.expectAccessible(page, 'the claimed offer');
    await web.screenshot(page, 'candidate-offer-claimed-phone');
    web.expectNoConsoleErrors(page);
    const view = await readJson<{ offer: { state: string } }>(web.server.app.request(`/api/v1/candidate/${token}`));
    expect(view.offer.state).toBe('claimed');

    // The new interview's own page shows it booked.
    await openCandidatePage(web, page, link!.slice('/c/'.length));
    await page.getByRole('heading', { level: 1, name: 'Your interview with Acme' }).waitFor();
    await expect(page.locator('section[aria-labelledby="interview-heading"]').textContent()).resolves.toContain('Tue, 8 Dec 2026, 15:00 (London time)');
    web.expectNoConsoleErrors(page);
  }, 180_000);

  it('after the start: offers the apology path, cancels only for an emergency, and reports a concern in confidence', async () => {
    web.server.setNow('2026-12-03T15:10:00Z');
    const { fixture, panel, openingId, candidateId } = await interviewSetup(web, { panel: ['Mo Reyes', 'Nell Quist'], candidate: 'Omar Haddad', opening: 'Support Engineer' });
    web.server.setNow('2026-12-03T14:00:00Z');
    const interview = await fixture.interview({ openingId, candidateId, panel, start: '2026-12-03T15:00:00Z', title: 'Support interview' });
    web.server.setNow('2026-12-03T15:10:00Z');

    const page = await web.newPage({ viewport: PHONE });
    await openCandidatePage(web, page, tokenOf(interview.candidateLink));
    const apology = page.getByRole('region', { name: 'The interview has started' });
    await apology.waitFor();
    await expect(apology.getByRole('link', { name: /^\+1/ }).getAttribute('href')).resolves.toMatch(/^tel:\+1\d+$/);
    await expect(page.getByRole('button', { name: 'Reschedule' }).count()).resolves.toBe(0);
    await web.expectAccessible(page, 'the page after the start');
    await web.screenshot(page, 'candidate-after-start-phone');

    // No moving it now: straight to the reason, where only an emergency cancels.
    await page.getByRole('button', { name: 'Cancel the interview' }).click();
    await page.getByRole('heading', { name: 'Step 1 of 3: Why are you cancelling?' }).waitFor();
    await expect(page.getByRole('radio').count()).resolves.toBe(2);
    await page.getByRole('radio', { name: 'A medical emergency' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Step 2 of 3: Your message' }).waitFor();
    const draft = page.getByLabel('Your message (edit it as you like)');
    await expect.poll(() => draft.inputValue(), { timeout: 15_000 }).toContain('Because of a medical emergency');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Step 3 of 3: Call first' }).waitFor();
    // Not ticked as called: sending is still one click, and says so plainly.
    await expect(page.getByText('Check that your message does not say you called').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Send without calling' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your interview is cancelled' }).waitFor();
    const confirmed = (await page.locator('.confirmation').textContent()) ?? '';
    expect(confirmed).toContain("This was after the start: After the start under Acme's policy.");
    // They did not say they called: the confirmation still gives the number and what to say.
    expect(confirmed).toContain('If you can, call now as well');

    await page.getByRole('button', { name: 'Report a concern' }).click();
    // The opened action's heading takes focus: keyboard and screen-reader users land on it.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('action-panel-heading');
    // It names no reader the page cannot vouch for: the confirmation says who got it.
    await expect(page.locator('#action-panel').textContent()).resolves.toContain('Your report goes to Acme in confidence.');
    await page.getByLabel('What is it about?').selectOption({ label: 'Disrespectful conduct' });
    await page.getByLabel('What happened?').fill('The interviewer mocked my accent.');
    await web.expectAccessible(page, 'the concern form');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your concern was reported' }).waitFor();
    await expect(page.locator('.confirmation').textContent()).resolves.toContain('gets your report by email, in confidence.');
    await web.screenshot(page, 'candidate-concern-reported-phone');
    web.expectNoConsoleErrors(page);
    const reports = (await outbox(web, 'concern')).filter((m) => m.interviewId === interview.id);
    expect(reports).toHaveLength(1);
  }, 180_000);

  it('asks for other times with a note for the team, then books one of the times offered', async () => {
    web.server.setNow('2026-12-01T18:00:00Z');
    const { fixture, panel, openingId, candidateId } = await interviewSetup(web, { panel: ['Pia Lund', 'Quinn Adler'], candidate: 'Rosa Vidal', opening: 'Backend Engineer', candidateZone: 'Europe/Madrid' });
    const interview = await fixture.interview({ openingId, candidateId, panel, start: '2026-12-07T15:00:00Z', title: 'Backend interview' });

    const page = await web.newPage();
    await openCandidatePage(web, page, tokenOf(interview.candidateLink));
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByText('None of these times suits me').click();
    await page.getByLabel(/A note for the recruiting team/).fill('Mornings suit me best.');
    await page.getByRole('button', { name: 'Ask for other times' }).click();
    await page.getByRole('heading', { level: 2, name: 'You asked for other times' }).waitFor();
    await expect(page.locator('.confirmation').textContent()).resolves.toMatch(/\d new times? (is|are) offered to you below\./);
    await page.getByText('You have been invited: choose a time for your interview below.').waitFor();
    await web.expectAccessible(page, 'the page after asking for other times');
    const toTeam = (await outbox(web, 'coordinator_new_times')).filter((m) => m.interviewId === interview.id);
    expect(toTeam).toHaveLength(1);
    expect(toTeam[0]!.body).toContain('Mornings suit me best.');

    await page.getByRole('button', { name: 'Accept an offered time' }).click();
    const offered = page.getByRole('group', { name: 'Offered times' });
    await offered.getByRole('radio').first().check();
    const label = (await offered.locator('label').first().textContent()) ?? '';
    expect(label).toMatch(/\(Madrid time\)$/);
    await page.getByRole('button', { name: 'Book this time' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your interview is booked' }).waitFor();
    await expect(page.locator('.confirmation').textContent()).resolves.toContain(`It is booked for ${label}.`);
    await web.screenshot(page, 'candidate-booked-offered-time');
    web.expectNoConsoleErrors(page);
  }, 180_000);

  it('thinks twice and moves the interview to one of the nearest free times in one click, by keyboard', async () => {
    web.server.setNow('2026-12-01T18:00:00Z');
    const { fixture, panel, openingId, candidateId } = await interviewSetup(web, { panel: ['Sol Brandt', 'Tia Okafor'], candidate: 'Uma Reed', opening: 'QA Engineer' });
    const interview = await fixture.interview({ openingId, candidateId, panel, start: '2026-12-04T15:00:00Z', title: 'QA interview' });

    const page = await web.newPage({ viewport: PHONE });
    await openCandidatePage(web, page, tokenOf(interview.candidateLink));
    const cancel = page.getByRole('button', { name: 'Cancel the interview' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    // Ample notice: no call-first step, so three steps in all.
    await page.getByRole('heading', { name: 'Step 1 of 3: Move it instead?' }).waitFor();
    // Focus is on the opened action's heading; its first step follows right below.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('action-panel-heading');
    const nearest = page.getByRole('list', { name: 'Nearest free times' }).getByRole('button').first();
    await nearest.waitFor();
    const label = ((await nearest.textContent()) ?? '').replace(/^Move it to /, '');
    expect(label).toMatch(/\(London time\)$/);
    await nearest.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Your interview has moved' }).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('confirmation-heading');
    await expect(page.locator('.confirmation').textContent()).resolves.toContain(`It is now on ${label}.`);
    await expect(page.locator('section[aria-labelledby="interview-heading"]').textContent()).resolves.toContain(label);
    await web.expectAccessible(page, 'the moved interview');
    await web.screenshot(page, 'candidate-moved-instead-phone');
    web.expectNoConsoleErrors(page);
    // Nothing was cancelled: the interview is scheduled at the new time.
    const stored = await readJson<{ status: string }>(web.server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(stored.status).toBe('scheduled');
  }, 180_000);
});
