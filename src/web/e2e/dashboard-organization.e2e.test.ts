import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFixture, readJson, tokenOf } from '../../server/testing/dashboard-fixture.ts';
import { hasChromium, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('dashboard-organization.e2e: /usr/bin/chromium not found, browser test skipped');

// Tuesday 1 December 2026, 12:00 UTC (07:00 in New York, the organization's zone).
const NOW = '2026-12-01T12:00:00Z';

describe.skipIf(!available)('the recruiter’s openings, mailbox, question screen, members and analytics in Chromium', () => {
  let web: WebTest;
  let grace: string;
  let alan: string;
  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    const seed = dashboardFixture(web.server);
    grace = await seed.member('Grace Hopper', { timezone: 'America/New_York', pools: ['backend'] });
    alan = await seed.member('Alan Turing', { timezone: 'Europe/London' });
    const opening = await seed.opening('Backend engineer');
    await seed.opening('Data analyst');
    const ada = await seed.candidate('Ada Lovelace', 'Europe/Berlin');
    const linus = await seed.candidate('Linus Pauling', 'America/Chicago');
    const mia = await seed.candidate('Mia Hamm', 'America/New_York');
    const wen = await seed.candidate('Wen Li', 'Europe/London');
    await seed.candidate('Kai Moana', 'America/Denver');
    // Thursday 3 and Friday 4 December, in New York working hours.
    await seed.interview({ openingId: opening, candidateId: ada, panel: [grace, alan], start: '2026-12-03T15:00:00Z', title: 'Technical interview' });
    await seed.interview({ openingId: opening, candidateId: linus, panel: [grace], start: '2026-12-04T15:00:00Z', title: 'Technical interview' });
    const freed = await seed.interview({ openingId: opening, candidateId: mia, panel: [grace], start: '2026-12-04T18:00:00Z', title: 'First conversation' });
    // Wen waits for freed time with Grace; Mia's interview is called off, so its hour is offered to Wen.
    await readJson(web.server.call('POST', `/api/v1/openings/${opening}/waitlist`, { candidateId: wen, panel: [grace], durationMinutes: 60 }), 201);
    await readJson(web.server.call('POST', `/api/v1/interviews/${freed.id}/cancel`, { reason: 'interviewer_unavailable' }));
  }, 90_000);
  afterAll(async () => {
    await web?.close();
  });

  it('fills an opening after reading every email it will send, then finds those emails in the mailbox', async () => {
    // An hour after the seeding, so the emails the fill queues are told apart from the earlier ones by time.
    web.server.setNow('2026-12-01T13:00:00Z');
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/openings');
    const row = page.getByRole('row', { name: /Backend engineer/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Open.*1 waiting/);
    await web.expectAccessible(page, 'the openings list');
    await web.screenshot(page, 'organization-openings');
    await row.getByRole('link', { name: 'Backend engineer' }).click();

    await page.getByRole('heading', { level: 1, name: 'Backend engineer' }).waitFor();
    await page.getByRole('row', { name: /Linus Pauling/ }).waitFor();
    // Mia's freed hour stands offered to Wen, who waits for freed time with Grace.
    const offers = page.getByRole('region', { name: 'Open waitlist offers', exact: true });
    await offers.getByText(/Wen Li was offered/).waitFor();
    await expect(offers.textContent()).resolves.toContain('Grace Hopper');

    // Kai joins the waitlist from the page.
    await page.getByRole('button', { name: 'Add a candidate to the waitlist' }).click();
    const candidate = page.getByLabel('Candidate', { exact: true });
    await candidate.selectOption((await candidate.locator('option', { hasText: 'Kai Moana' }).getAttribute('value'))!);
    await page.getByRole('checkbox', { name: /Grace Hopper/ }).check();
    await page.getByRole('button', { name: 'Add to the waitlist' }).click();
    await page.getByText('Kai Moana is on the waitlist for 60 minutes with Grace Hopper.').waitFor();
    await page.getByRole('row', { name: /Kai Moana/ }).waitFor();

    await page.getByLabel('Who was hired (optional)').selectOption({ label: 'Ada Lovelace' });
    await page.getByLabel('Words of your own (optional)').fill('It was a pleasure to meet you.');
    await page.getByRole('button', { name: 'Preview the emails' }).click();
    const heading = page.getByRole('heading', { name: /Fill the opening: \d+ emails will be sent/ });
    await heading.waitFor();
    const previewed = await page.getByRole('list', { name: 'Emails it will send' }).getByRole('article').evaluateAll((articles) =>
      articles.map((a) => a.getAttribute('aria-label') ?? ''),
    );
    // Linus and his panel hear of the cancellation; Wen and Kai that the waitlist closed; Ada, hired, hears nothing.
    expect(previewed.some((label) => label.startsWith('Email to linus.pauling'))).toBe(true);
    expect(previewed.some((label) => label.startsWith('Email to wen.li'))).toBe(true);
    expect(previewed.some((label) => label.startsWith('Email to kai.moana'))).toBe(true);
    expect(previewed.some((label) => label.startsWith('Email to ada.lovelace'))).toBe(false);
    await expect(heading.textContent()).resolves.toContain(`${previewed.length} emails`);
    await expect(page.getByText('Calendar cancellation (CANCEL, sequence 1)').first().isVisible()).resolves.toBe(true);
    await web.expectAccessible(page, 'the fill preview');
    await web.screenshot(page, 'organization-fill-preview');

    await page.getByRole('button', { name: `Fill the opening and send ${previewed.length} emails` }).click();
    await page.getByRole('heading', { name: 'Opening filled' }).waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toBe('Opening filled');
    const result = page.getByRole('region', { name: 'Opening filled', exact: true });
    await expect(result.textContent()).resolves.toContain('2 waitlist entries closed');
    await result.getByText(/emails? queued/).waitFor();
    await web.screenshot(page, 'organization-fill-result');
    await result.getByText(`${previewed.length} emails queued`).waitFor();
    await web.expectAccessible(page, 'the fill result');
    await web.screenshot(page, 'organization-fill-result');
    web.expectNoConsoleErrors(page);

    const openingUrl = new URL(page.url()).pathname;
    await result.getByRole('link', { name: 'Open the mailbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mailbox' }).waitFor();
    for (const label of previewed) await page.getByRole('article', { name: label }).first().waitFor();
    // Filtered to one recipient, the mailbox shows only theirs.
    const linus = previewed.find((label) => label.startsWith('Email to linus.pauling'))!;
    const address = /^Email to (\S+):/.exec(linus)![1]!;
    await page.getByLabel('Recipient email').fill(address);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText(`Showing only emails to ${address}.`).waitFor();
    await page.getByRole('article', { name: linus }).waitFor();
    const shown = await page.getByRole('article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label') ?? ''));
    expect(shown.every((label) => label.startsWith(`Email to ${address}:`))).toBe(true);
    await page.getByRole('article', { name: linus }).getByText('Show the text as sent').click();
    await page.getByText('It was a pleasure to meet you.').first().waitFor();
    await web.expectAccessible(page, 'the mailbox');
    await web.screenshot(page, 'organization-mailbox');
    web.expectNoConsoleErrors(page);

    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    await phone.goto(openingUrl);
    await phone.getByRole('heading', { level: 1, name: 'Backend engineer' }).waitFor();
    await phone.getByText(/Filled on .*; Ada Lovelace was hired\./).waitFor();
    await web.expectAccessible(phone, 'a filled opening on a phone');
    await web.screenshot(phone, 'organization-opening-phone');
    await phone.goto('/dashboard/mailbox');
    await phone.getByRole('article').first().waitFor();
    await web.expectAccessible(phone, 'the mailbox on a phone');
    await web.screenshot(phone, 'organization-mailbox-phone');
    web.expectNoConsoleErrors(phone);
  }, 180_000);

  it('charts cancellations, backfill and each side’s rates, with every count in a table too', async () => {
    // A candidate cancels with late notice: on Tuesday 1 December at 13:00 UTC, 21 hours before the start.
    const seed = dashboardFixture(web.server);
    const opening = await seed.opening('Support engineer');
    const noor = await seed.candidate('Noor Haddad', 'Europe/Berlin');
    const booked = await seed.interview({ openingId: opening, candidateId: noor, panel: [alan], start: '2026-12-02T10:00:00Z' });
    web.server.setNow('2026-12-01T13:00:00Z');
    await readJson(
      web.server.app.request(`/api/v1/candidate/${tokenOf(booked.candidateLink)}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'schedule_conflict' }),
      }),
    );
    web.server.setNow('2026-12-03T12:00:00Z');

    const page = await web.newPage();
    await web.signIn(page);
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/analytics/series'));
    await page.goto('/dashboard/analytics');
    const series = (await (await answered).json()) as { timezone: string; points: Array<{ start: string; cancellations: { total: number; byNoticeClass: Record<string, number> } }> };
    expect(series.timezone).toBe('America/New_York');
    const total = series.points.reduce((n, p) => n + p.cancellations.total, 0);
    const late = series.points.reduce((n, p) => n + p.cancellations.byNoticeClass.late!, 0);
    expect(late).toBeGreaterThanOrEqual(1);

    const notice = page.getByRole('region', { name: 'Cancellations by notice', exact: true });
    await notice.getByText(`${total} cancellations in this period`).waitFor();
    await expect(notice.textContent()).resolves.toContain(`${late} with late notice`);
    await expect(page.getByText('counted in New York time, America/New_York').isVisible()).resolves.toBe(true);
    // Four charts drawn; where nothing happened (no freed time filled, nobody missing) the page says so instead.
    await expect(page.locator('.chart canvas').count()).resolves.toBe(4);
    await page.getByText('Nothing to draw: no freed time was filled in this period.').waitFor();
    await page.getByText('Nothing to draw: nobody failed to show in this period.').waitFor();
    await notice.getByText('The numbers as a table').click();
    const week = series.points.find((p) => p.cancellations.total > 0)!;
    const row = notice.getByRole('row').filter({ has: page.locator(`time[datetime="${week.start}"]`) });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual([...['ample', 'adequate', 'late', 'missed', 'none'].map((k) => String(week.cancellations.byNoticeClass[k])), String(week.cancellations.total)]);
    await expect(page.getByRole('region', { name: 'Late cancellations, each side', exact: true }).textContent()).resolves.toContain('Candidates: 1 of 1 (100%)');
    await expect(page.getByRole('region', { name: 'Cancellations by reason', exact: true }).textContent()).resolves.toContain('A scheduling conflict: 1');
    // Lines with equal values lie on each other: the legend says which, and gives every line's latest value.
    const legend = await notice.locator('.chart-legend').textContent();
    expect(legend).toContain('latest: ');
    expect(legend).toMatch(/the same values as \w+/);
    await web.expectAccessible(page, 'the analytics page');
    await web.screenshot(page, 'organization-analytics');
    web.expectNoConsoleErrors(page);

    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    await phone.goto('/dashboard/analytics');
    await phone.getByRole('region', { name: 'Cancellations by notice', exact: true }).getByText(`${total} cancellations in this period`).waitFor();
    await expect(phone.locator('.chart canvas').count()).resolves.toBe(4);
    await web.expectAccessible(phone, 'the analytics page on a phone');
    await web.screenshot(phone, 'organization-analytics-phone');
    web.expectNoConsoleErrors(phone);
  }, 180_000);

  it('screens an interview kit and flags the unlawful question with a lawful rephrasing', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/questions');
    await page.getByRole('heading', { level: 1, name: 'Question screen' }).waitFor();
    await page
      .getByLabel('Interview questions, one per line')
      .fill(['Tell me about a project you led.', 'Do you plan to have children?', 'How old are you?'].join('\n'));
    await page.getByRole('button', { name: 'Screen questions' }).click();
    const results = page.getByRole('region', { name: 'Results', exact: true });
    await results.waitFor();
    // Focus lands on the results, so a screen reader reads them next.
    await expect(page.locator(':focus').textContent()).resolves.toBe('Results');
    await expect(results.textContent()).resolves.toContain('3 questions screened: 1 unlawful, 1 risky, 1 fine to ask.');
    const flagged = results.getByRole('listitem').filter({ hasText: 'Do you plan to have children?' });
    await expect(flagged.textContent()).resolves.toMatch(/Unlawful.*Topics: family.*Lawful rephrasing: /);
    await web.expectAccessible(page, 'the question screen');
    await web.screenshot(page, 'organization-questions');
    web.expectNoConsoleErrors(page);
  }, 120_000);

  it('edits a member’s working hours, with the server’s errors next to the fields', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/members');
    const row = page.getByRole('row', { name: /Grace Hopper/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Mon–Fri 09:00–17:00');
    await row.getByRole('button', { name: 'Edit Grace Hopper' }).click();
    await page.getByRole('heading', { name: 'Edit Grace Hopper' }).waitFor();

    // A range that ends before it starts: refused by the server, shown beside the range.
    await page.getByLabel('Monday range 1 to').fill('08:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The interval must end after it starts (09:00–08:00).').waitFor();
    await expect(page.getByLabel('Monday range 1 to').getAttribute('aria-invalid')).resolves.toBe('true');
    await web.expectAccessible(page, 'the member form with an error');
    await web.screenshot(page, 'organization-member-error');

    await page.getByLabel('Monday range 1 to').fill('12:00');
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByLabel('Monday range 2 from').fill('13:00');
    await page.getByLabel('Monday range 2 to').fill('17:00');
    await page.getByRole('button', { name: 'Remove Friday range 1' }).click();
    await page.getByLabel('Most interviews a day').fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Changes saved' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Grace Hopper' }).textContent()).resolves.toContain(
      'Mon 09:00–12:00, 13:00–17:00; Tue–Thu 09:00–17:00',
    );
    await expect(row.textContent()).resolves.toContain('3 a day');

    const saved = (await (await web.server.call('GET', `/api/v1/members/${grace}`)).json()) as { workingHours: Record<string, string[][]>; limits: { perDay?: number } };
    expect(saved.workingHours.mon).toEqual([['09:00', '12:00'], ['13:00', '17:00']]);
    expect(saved.workingHours.fri).toEqual([]);
    expect(saved.limits.perDay).toBe(3);
    await web.expectAccessible(page, 'the members page');
    await web.screenshot(page, 'organization-members');

    // Adding a member: a zone the server does not know is refused beside the field, then fixed.
    await page.getByRole('button', { name: 'Add a member' }).click();
    await page.getByRole('heading', { name: 'Add a member' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Katherine Johnson');
    await page.getByLabel('Email', { exact: true }).fill('katherine@acme.test');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('Unknown time zone; use an IANA name such as Europe/London.').waitFor();
    await expect(page.getByLabel('Time zone').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Time zone').fill('America/Chicago');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('heading', { name: 'Member added' }).waitFor();
    await expect(page.getByRole('row', { name: /Katherine Johnson/ }).textContent()).resolves.toContain('Chicago');
    web.expectNoConsoleErrors(page);

    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    await phone.goto('/dashboard/members');
    await phone.getByRole('row', { name: /Grace Hopper/ }).getByRole('button', { name: 'Edit Grace Hopper' }).click();
    await phone.getByRole('heading', { name: 'Edit Grace Hopper' }).waitFor();
    await web.expectAccessible(phone, 'the member form on a phone');
    await web.screenshot(phone, 'organization-member-phone');
    web.expectNoConsoleErrors(phone);
  }, 120_000);
});
