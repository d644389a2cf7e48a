import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFixture, readJson } from '../../server/testing/dashboard-fixture.ts';
import { hasChromium, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('dashboard-schedule.e2e: /usr/bin/chromium not found, browser test skipped');

// Tuesday 1 December 2026, 12:00 UTC (07:00 in New York, the organization's zone).
const NOW = '2026-12-01T12:00:00Z';

describe.skipIf(!available)('the recruiter’s week, changes feed and interview page in Chromium', () => {
  let web: WebTest;
  let interviewId: string;
  let later: { openingId: string; candidateId: string; panel: string[] };
  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    const seed = dashboardFixture(web.server);
    const grace = await seed.member('Grace Hopper', { timezone: 'America/New_York' });
    const alan = await seed.member('Alan Turing', { timezone: 'Europe/London' });
    const opening = await seed.opening('Backend engineer');
    const ada = await seed.candidate('Ada Lovelace', 'Europe/Berlin');
    const linus = await seed.candidate('Linus Pauling', 'America/Chicago');
    // Thursday 3 December, 10:00 in New York: 15:00 in London, 16:00 in Berlin.
    interviewId = (await seed.interview({ openingId: opening, candidateId: ada, panel: [grace, alan], start: '2026-12-03T15:00:00Z', title: 'Technical interview' })).id;
    // A second one, called off: it stays in the week, drawn apart from busy time.
    const other = await seed.interview({ openingId: opening, candidateId: linus, panel: [grace], start: '2026-12-02T16:00:00Z', title: 'First conversation' });
    await readJson(web.server.call('POST', `/api/v1/interviews/${other.id}/cancel`, { reason: 'scheduling_error' }));
    later = { openingId: opening, candidateId: linus, panel: [grace] };
  }, 90_000);
  afterAll(async () => {
    await web?.close();
  });

  it('shows the week per interviewer and per opening, on a phone as a list per day', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.getByRole('heading', { level: 1, name: 'The week' }).waitFor();
    await page.getByRole('link', { name: /Ada Lovelace/ }).first().waitFor();
    await expect(page.getByText('All times are in New York time').isVisible()).resolves.toBe(true);
    await page.getByText('to Sunday, 6 December 2026 · 2 interviews (1 called off)').waitFor();
    await expect(page.getByRole('rowheader', { name: /Alan Turing/ }).textContent()).resolves.toContain('London time');
    await expect(page.getByRole('link', { name: /Linus Pauling/ }).first().textContent()).resolves.toContain('Cancelled');
    await web.expectAccessible(page, 'the week by interviewer');
    await web.screenshot(page, 'schedule-week-by-interviewer');

    // One interviewer's week only: Alan's row alone, the server filtering.
    await page.getByLabel('Show only this interviewer').selectOption({ label: 'Alan Turing' });
    await page.getByText('to Sunday, 6 December 2026 · 1 interview').waitFor();
    await expect(page.getByRole('rowheader').allTextContents()).resolves.toEqual(['Alan TuringLondon time']);

    await page.getByRole('radio', { name: 'Opening' }).check();
    await page.getByRole('rowheader', { name: 'Backend engineer' }).waitFor();
    await expect(page.getByLabel('Show only this opening').inputValue()).resolves.toBe('');
    await web.expectAccessible(page, 'the week by opening');
    await web.screenshot(page, 'schedule-week-by-opening');
    web.expectNoConsoleErrors(page);

    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    await phone.getByRole('heading', { level: 2, name: /Thursday, 3 December 2026/ }).waitFor();
    await phone.getByRole('link', { name: /Ada Lovelace/ }).waitFor();
    await web.expectAccessible(phone, 'the week on a phone');
    await web.screenshot(phone, 'schedule-week-phone');
    web.expectNoConsoleErrors(phone);
  }, 120_000);

  it('opens the interview, reschedules it with the picker, marks a no-show, and the feed lists both', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.getByRole('link', { name: /Ada Lovelace/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Technical interview: Ada Lovelace' }).waitFor();
    await page.waitForURL(`**/dashboard/interviews/${interviewId}`);
    const card = page.getByRole('region', { name: 'The interview' });
    await expect(card.textContent()).resolves.toContain('Thu, 3 Dec 2026, 10:00 (New York time)');
    await expect(card.textContent()).resolves.toContain('Thu, 3 Dec 2026, 16:00 (Berlin time)');
    await expect(page.getByRole('list', { name: 'Panel' }).getByRole('listitem').filter({ hasText: 'Alan Turing' }).textContent()).resolves.toContain('Holds the time');
    await web.expectAccessible(page, 'the interview page');
    await web.screenshot(page, 'schedule-interview');

    // Reschedule with the picker: Friday 10:00 in New York, when both panelists are in their hours.
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: 'Reschedule the interview' }).waitFor();
    await page.getByRole('radio', { name: /^10:00–11:00 \(Fri 4 Dec 16:00 Berlin\) Within Ada Lovelace’s hours/ }).check();
    await page.getByRole('button', { name: 'Review' }).click();
    const confirm = page.getByRole('region', { name: 'Confirm: reschedule the interview' });
    await confirm.waitFor();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('confirm-heading');
    const told = await confirm.textContent();
    expect(told).toContain('Ada Lovelace (the candidate');
    expect(told).toContain('with a calendar invitation (REQUEST)');
    expect(told).toContain('Alan Turing');
    expect(told).toContain('Grace Hopper');
    // The notice the move gives, as the server classified it: guidance, not a gate.
    expect(told).toContain('Ada Lovelace gets 51 hours of notice, at least the 48 hours this organization asks for: the email is enough.');
    await web.expectAccessible(page, 'the reschedule confirmation');
    await web.screenshot(page, 'schedule-reschedule-confirm');
    await confirm.getByRole('button', { name: 'Reschedule' }).click();

    const result = page.getByRole('region', { name: 'Done' });
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('Fri, 4 Dec 2026, 10:00 (New York time)');
    const written = result.getByRole('listitem');
    await expect(written.count()).resolves.toBe(3);
    for (const line of await written.allTextContents()) expect(line).toMatch(/REQUEST.*sequence 1/);
    // The mailbox holds the new invitations exactly as sent: to the candidate and each panelist.
    const emails = page.getByRole('region', { name: 'Emails sent' });
    const requests = emails.getByRole('article').filter({ hasText: 'sequence 1' });
    await expect(requests.count()).resolves.toBe(3);
    await expect(requests.filter({ hasText: /ada\.lovelace/ }).count()).resolves.toBe(1);
    await requests.first().getByText('Show the text as sent').click();
    await requests.first().locator('pre').waitFor();
    await web.expectAccessible(page, 'the interview after rescheduling');
    await web.screenshot(page, 'schedule-interview-rescheduled');

    // The interview has begun and the candidate has not come.
    web.server.setNow('2026-12-04T15:20:00Z');
    // A real browser's clock moves on with the server's: the page offers a no-show once the start has passed.
    await page.clock.setSystemTime(new Date('2026-12-04T15:20:00Z'));
    // Three days on, the session has lapsed: sign in again.
    await web.signIn(page);
    await page.goto(`/dashboard/interviews/${interviewId}`);
    await page.getByRole('heading', { level: 1, name: 'Technical interview: Ada Lovelace' }).waitFor();
    await page.getByRole('button', { name: 'Mark a no-show' }).click();
    await page.getByRole('radio', { name: /The candidate, Ada Lovelace/ }).check();
    await page.getByRole('button', { name: 'Review' }).click();
    const confirmNoShow = page.getByRole('region', { name: 'Confirm: mark a no-show' });
    await expect(confirmNoShow.textContent()).resolves.toContain('Ada Lovelace (the candidate, ada.lovelace');
    await expect(confirmNoShow.textContent()).resolves.toContain('a kind follow-up');
    await confirmNoShow.getByRole('button', { name: 'Mark the no-show' }).click();
    await page.getByRole('region', { name: 'Done' }).getByText('The interview is now recorded as a no-show.').waitFor();
    await expect(page.getByRole('region', { name: 'The interview' }).textContent()).resolves.toContain('No-show');
    await expect(page.getByRole('region', { name: 'History' }).textContent()).resolves.toContain('Marked as a no-show');
    await web.screenshot(page, 'schedule-interview-no-show');
    web.expectNoConsoleErrors(page);

    // The feed lists both changes, newest first, with side and notice class.
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changes' }).waitFor();
    const entries = page.getByRole('article');
    await entries.first().waitFor();
    const noShow = entries.filter({ hasText: 'Marked as a no-show' }).first();
    await expect(noShow.textContent()).resolves.toContain('Employer');
    const moved = entries.filter({ hasText: 'Rescheduled' }).first();
    await expect(moved.textContent()).resolves.toContain('Employer');
    await expect(moved.textContent()).resolves.toContain('Ample notice');
    await expect(entries.filter({ hasText: 'Cancelled' }).first().textContent()).resolves.toContain('A scheduling error on our side');
    await web.expectAccessible(page, 'the changes feed');
    await web.screenshot(page, 'schedule-changes');

    // A change made elsewhere arrives with the next poll and is announced politely.
    const seed = dashboardFixture(web.server);
    await seed.interview({ ...later, start: '2026-12-08T15:00:00Z', title: 'Second conversation' });
    await page.clock.fastForward(11_000);
    await page.getByRole('status').filter({ hasText: '1 new change. Scheduled: Linus Pauling, Backend engineer.' }).waitFor({ state: 'attached' });
    await entries.filter({ hasText: 'New' }).first().waitFor();
    await web.screenshot(page, 'schedule-changes-new-entry');
    web.expectNoConsoleErrors(page);
  }, 180_000);

  it('on a phone: declines a panelist’s seat for them, a stand-in takes it, then cancels with a reason', async () => {
    web.server.setNow('2026-12-04T16:00:00Z');
    const seed = dashboardFixture(web.server);
    const katherine = await seed.member('Katherine Johnson', { pools: ['analysts'] });
    await seed.member('Dorothy Vaughan', { pools: ['analysts'] });
    const opening = await seed.opening('Data analyst');
    const mary = await seed.candidate('Mary Somerville', 'Europe/London');
    // Wednesday 9 December, 10:00 in New York.
    const { id } = await seed.interview({ openingId: opening, candidateId: mary, panel: [katherine], start: '2026-12-09T15:00:00Z', title: 'Case study' });

    const page = await web.newPage({ viewport: PHONE });
    await web.signIn(page);
    await page.goto(`/dashboard/interviews/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Case study: Mary Somerville' }).waitFor();
    await web.expectAccessible(page, 'the interview page on a phone');
    await web.screenshot(page, 'schedule-interview-phone');

    await page.getByRole('button', { name: 'Decline for Katherine Johnson' }).click();
    await page.getByRole('heading', { name: 'Decline Katherine Johnson’s seat' }).waitFor();
    await page.getByLabel(/Their reason/).fill('Off sick');
    await page.getByRole('button', { name: 'Review' }).click();
    const confirmSeat = page.getByRole('region', { name: 'Confirm: decline katherine johnson’s seat' });
    await expect(confirmSeat.textContent()).resolves.toContain('If a colleague from the same pool is free then');
    await confirmSeat.getByRole('button', { name: 'Decline the seat' }).click();
    const seatResult = page.getByRole('region', { name: 'Done' });
    await seatResult.getByText('Dorothy Vaughan took Katherine Johnson’s seat at the same time.').waitFor();
    await expect(page.getByRole('list', { name: 'Panel' }).getByRole('listitem').filter({ hasText: 'Katherine Johnson' }).textContent()).resolves.toContain('Replaced by a stand-in');
    await expect(page.getByRole('list', { name: 'Panel' }).getByRole('listitem').filter({ hasText: 'Dorothy Vaughan' }).textContent()).resolves.toContain('Holds the time');
    // The stand-in is invited, the decliner released, the candidate sees the updated event.
    const seatEmails = await seatResult.getByRole('listitem').allTextContents();
    expect(seatEmails.some((line) => /dorothy\.vaughan.*REQUEST/.test(line))).toBe(true);
    expect(seatEmails.some((line) => /katherine\.johnson.*CANCEL/.test(line))).toBe(true);
    expect(seatEmails.some((line) => /mary\.somerville.*REQUEST/.test(line))).toBe(true);
    await web.screenshot(page, 'schedule-seat-replaced-phone');

    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByLabel(/^Reason/).selectOption('interviewer_unavailable');
    await page.getByLabel(/Private note/).fill('Both analysts are at the offsite');
    await page.getByRole('button', { name: 'Review' }).click();
    const confirmCancel = page.getByRole('region', { name: 'Confirm: cancel the interview' });
    const toldCancel = await confirmCancel.textContent();
    expect(toldCancel).toContain('Mary Somerville (the candidate, mary.somerville');
    expect(toldCancel).toContain('with a calendar cancellation (CANCEL)');
    expect(toldCancel).toContain('Dorothy Vaughan');
    expect(toldCancel).not.toContain('Katherine Johnson');
    await web.expectAccessible(page, 'the cancel confirmation on a phone');
    await confirmCancel.getByRole('button', { name: 'Cancel the interview' }).click();
    const cancelResult = page.getByRole('region', { name: 'Done' });
    await cancelResult.getByText('The interview is now cancelled.').waitFor();
    const cancelEmails = await cancelResult.getByRole('listitem').allTextContents();
    expect(cancelEmails.some((line) => /mary\.somerville.*CANCEL/.test(line))).toBe(true);
    expect(cancelEmails.some((line) => /dorothy\.vaughan.*CANCEL/.test(line))).toBe(true);
    // The private note is the team's: it is nowhere on the page.
    await expect(page.getByText('Both analysts are at the offsite').count()).resolves.toBe(0);
    await expect(page.getByRole('region', { name: 'History' }).textContent()).resolves.toContain('An interviewer became unavailable');
    // Leeway invited Mary again with times the panel has free: the new invitation is its own interview.
    const again = page.getByRole('region', { name: 'Other interviews with Mary Somerville for Data analyst' });
    await expect(again.textContent()).resolves.toMatch(/Case study.*Invited.*times offered to pick from/);
    await web.expectAccessible(page, 'the cancelled interview on a phone');
    await web.screenshot(page, 'schedule-cancelled-phone');

    // The feed on a phone: the decline, the stand-in and the cancellation, newest first.
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Changes' }).click();
    const newest = page.getByRole('article').first();
    await newest.waitFor();
    await expect(newest.textContent()).resolves.toMatch(/Cancelled — Mary Somerville, Data analyst.*Employer.*An interviewer became unavailable/);
    await web.expectAccessible(page, 'the changes feed on a phone');
    await web.screenshot(page, 'schedule-changes-phone');
    web.expectNoConsoleErrors(page);
  }, 180_000);

  it('offers a no-show only once the interview has started, and shows the server’s refusal when the clocks differ', async () => {
    const seed = dashboardFixture(web.server);
    const edsger = await seed.member('Edsger Dijkstra');
    const opening = await seed.opening('Compiler engineer');
    const barbara = await seed.candidate('Barbara Liskov', 'America/New_York');
    // Thursday 10 December, 10:00 in New York.
    const { id } = await seed.interview({ openingId: opening, candidateId: barbara, panel: [edsger], start: '2026-12-10T15:00:00Z', title: 'Design review' });

    // Before the start: moving and cancelling only.
    web.server.setNow('2026-12-10T14:00:00Z');
    const before = await web.newPage();
    await web.signIn(before);
    await before.goto(`/dashboard/interviews/${id}`);
    await before.getByRole('heading', { level: 1, name: 'Design review: Barbara Liskov' }).waitFor();
    await before.getByText('can be recorded once the interview has started').waitFor();
    await expect(before.getByRole('button', { name: 'Mark a no-show' }).count()).resolves.toBe(0);
    await expect(before.getByRole('button', { name: 'Mark someone late' }).count()).resolves.toBe(0);

    // A browser whose clock runs ahead of the server's offers it; the server refuses and says why.
    web.server.setNow('2026-12-10T15:30:00Z');
    const ahead = await web.newPage();
    web.server.setNow('2026-12-10T14:00:00Z');
    await web.signIn(ahead);
    await ahead.goto(`/dashboard/interviews/${id}`);
    await ahead.getByRole('button', { name: 'Mark a no-show' }).click();
    await ahead.getByRole('radio', { name: /The candidate, Barbara Liskov/ }).check();
    await ahead.getByRole('button', { name: 'Review' }).click();
    const confirm = ahead.getByRole('region', { name: 'Confirm: mark a no-show' });
    await confirm.getByText('The interview has not started yet.').waitFor();
    await expect(confirm.getByRole('button', { name: 'Mark the no-show' }).isDisabled()).resolves.toBe(true);
    await expect(confirm.getByText('Loading who will be told').count()).resolves.toBe(0);
    await web.screenshot(ahead, 'schedule-no-show-refused');

    // Both ways back are named: the interview's own week, and its opening.
    await before.getByRole('navigation', { name: 'Back to' }).getByRole('link', { name: 'The week of Mon 7 Dec' }).waitFor();
    await before.getByRole('link', { name: '← Opening: Compiler engineer' }).click();
    await before.getByRole('heading', { level: 1, name: /Compiler engineer/ }).waitFor();

    // An empty week says so and leads to the week of the next interview, as the server finds it.
    await before.goto('/dashboard/?week=2026-11-23');
    await before.getByText('No interviews this week.').waitFor();
    await before.getByText(/The next one is Design review with Barbara Liskov on Thu, 10 Dec 2026, 10:00 \(New York time\)/).waitFor();
    await before.getByRole('link', { name: 'Show the week of the next interview' }).click();
    await before.waitForURL(/week=2026-12-07/);
    await before.getByRole('link', { name: /Barbara Liskov/ }).first().waitFor();
    await web.expectAccessible(before, 'the week reached from an empty one');

    // The page names its icon, served from the built assets.
    const icon = await before.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toMatch(/^\/assets\/.+\.svg$/);
    const iconResponse = await before.request.get(icon!);
    expect(iconResponse.status()).toBe(200);
    web.expectNoConsoleErrors(before);
  }, 120_000);

  it('reads on a phone: the header on one line, members and an opening’s interviews as one card per row', async () => {
    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    const brand = await phone.locator('.topbar .brand').boundingBox();
    const signOut = await phone.getByRole('button', { name: 'Sign out' }).boundingBox();
    expect(Math.abs((signOut?.y ?? 0) + (signOut?.height ?? 0) / 2 - ((brand?.y ?? 0) + (brand?.height ?? 0) / 2))).toBeLessThan(8);
    // Nothing scrolls sideways: neither a table's box nor the page.
    const fitsWidth = () =>
      phone.evaluate(
        "[...document.querySelectorAll('.table-scroll')].every((box) => box.scrollWidth <= box.clientWidth + 1) && document.documentElement.scrollWidth <= window.innerWidth",
      );

    await phone.goto('/dashboard/members');
    await phone.getByRole('rowheader', { name: /Edsger Dijkstra/ }).waitFor();
    await expect(fitsWidth()).resolves.toBe(true);
    await web.expectAccessible(phone, 'the members on a phone');
    await web.screenshot(phone, 'schedule-members-phone');

    await phone.goto('/dashboard/openings');
    await phone.getByRole('link', { name: 'Compiler engineer' }).click();
    await phone.getByRole('rowheader', { name: /Barbara Liskov/ }).waitFor();
    await expect(fitsWidth()).resolves.toBe(true);
    await web.expectAccessible(phone, 'an opening on a phone');
    await web.screenshot(phone, 'schedule-opening-phone');
    web.expectNoConsoleErrors(phone);
  }, 120_000);

  it('warns before a late cancellation and offers to call the candidate first, without blocking it', async () => {
    // Last of these tests: it sets the clock back, which the ones before leave later on.
    web.server.setNow(NOW);
    const seed = dashboardFixture(web.server);
    const rosa = await readJson<{ id: string }>(
      web.server.call('POST', '/api/v1/candidates', { name: 'Rosa Franklin', email: 'rosa.franklin@example.com', timezone: 'America/Chicago', phone: '+1 312 555 0199' }),
      201,
    );
    // Tonight at 16:00 in New York: nine hours from now.
    const soon = await seed.interview({ openingId: later.openingId, candidateId: rosa.id, panel: later.panel, start: '2026-12-01T21:00:00Z', title: 'Short call' });
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto(`/dashboard/interviews/${soon.id}`);
    await page.getByRole('heading', { level: 1, name: 'Short call: Rosa Franklin' }).waitFor();
    // Booked by the recruiter, no calendar reply yet: the time is theirs, her answer not yet given.
    const answers = page.getByRole('region', { name: 'Replies' }).getByRole('list', { name: 'Attendees’ answers' });
    await answers.getByRole('listitem').filter({ hasText: 'Rosa Franklin' }).getByText('No answer').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByLabel(/^Reason/).selectOption('interviewer_unavailable');
    await page.getByRole('button', { name: 'Review' }).click();
    const confirm = page.getByRole('region', { name: 'Confirm: cancel the interview' });
    const warning = confirm.locator('[data-notice="late"]');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain(
      'Rosa Franklin gets only 9 hours of notice, less than the 24 hours this organization asks for: call them at +13125550199 first, then send this.',
    );
    await expect(confirm.getByRole('link', { name: 'Call +13125550199' }).getAttribute('href')).resolves.toBe('tel:+13125550199');
    await web.expectAccessible(page, 'a late cancellation’s confirmation');
    await web.screenshot(page, 'schedule-cancel-late-notice');
    // Guidance, not a gate: the cancellation still goes through.
    await confirm.getByRole('button', { name: 'Cancel the interview' }).click();
    await page.getByRole('region', { name: 'Done' }).getByText('The interview is now cancelled.').waitFor();
    web.expectNoConsoleErrors(page);
  });
});
