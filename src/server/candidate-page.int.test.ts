import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { testEngines } from '../store/testing/engines.ts';

describe.each(testEngines())('on $name', (engine) => {
  let server: TestServer;
  let ids: { member: string; opening: string; candidate: string };

  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
    await server.call('PATCH', '/api/v1/organization', { contactPhone: '+1 555 0100', contactEmail: 'recruiting@acme.test' });
    const member = (await (await server.call('POST', '/api/v1/members', { name: 'Grace', email: 'grace@acme.test', role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE })).json()) as { id: string };
    const opening = (await (await server.call('POST', '/api/v1/openings', { title: 'Data <Analyst>' })).json()) as { id: string };
    const candidate = (await (await server.call('POST', '/api/v1/candidates', { name: 'Jo', email: 'jo@example.com', timezone: 'Europe/Berlin' })).json()) as { id: string };
    ids = { member: member.id, opening: opening.id, candidate: candidate.id };
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  async function invite(body: Record<string, unknown> = {}) {
    const response = await server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Interview', durationMinutes: 60, panel: [ids.member], ...body });
    const created = (await response.json()) as { id: string; candidateLink: string; offeredSlots: Array<{ start: string }> };
    return { ...created, path: new URL(created.candidateLink).pathname };
  }

  const post = (path: string, fields: Record<string, string>) =>
    server.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  /** A form that worked answers 303 See Other to the page that confirms it (post/redirect/get). */
  async function followed(response: Response, path: string, done: string): Promise<Response> {
    expect(response.status, await response.clone().text()).toBe(303);
    expect(response.headers.get('location')).toBe(`${path}?done=${done}`);
    return server.app.request(response.headers.get('location')!);
  }

  describe('the candidate page behind the link', () => {
    it('shows the invitation with escaped text and safe headers, and books a picked time', async () => {
      const invited = await invite({ offer: { count: 2 } });
      const page = await server.app.request(invited.path);
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await page.text();
      expect(html).toContain('Data &lt;Analyst&gt;');
      expect(html).not.toContain('Data <Analyst>');
      expect(html).toContain('Choose a time');
      const accepted = await followed(await post(`${invited.path}/accept`, { start: invited.offeredSlots[0]!.start }), invited.path, 'accept');
      expect(accepted.status).toBe(200);
      const confirmed = await accepted.text();
      expect(confirmed).toContain('your interview is booked');
      // A refresh shows the same confirmation, and sends nothing.
      expect(await (await server.app.request(`${invited.path}?done=accept`)).text()).toContain('your interview is booked');
      const detail = (await (await server.call('GET', `/api/v1/interviews/${invited.id}`)).json()) as { status: string };
      expect(detail.status).toBe('scheduled');
    });

    it('cancels late with the phone script, and explains refusals in the page', async () => {
      const booked = await invite({ start: '2026-12-02T15:00:00Z' });
      server.setNow('2026-12-02T10:00:00Z');
      const before = await (await server.app.request(booked.path)).text();
      expect(before).toContain('notice-late');
      // Stored in E.164, as given after normalisation.
      expect(before).toContain('+15550100');
      const bad = await post(`${booked.path}/cancel`, { reason: 'boredom' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('Choose a reason');
      const done = await followed(await post(`${booked.path}/cancel`, { reason: 'transportation', calledAhead: 'true' }), booked.path, 'cancel');
      expect(done.status).toBe(200);
      const html = await done.text();
      expect(html).toContain('Your interview is cancelled');
      expect(html).toContain('What to say on the phone');
      const again = await post(`${booked.path}/cancel`, { reason: 'transportation' });
      expect(again.status).toBe(409);
      server.setNow('2026-12-01T12:00:00Z');
    });

    it('takes another free time for an invitation without asking for a reason, and asks for other times with a note', async () => {
      const invited = await invite({ offer: { count: 2 } });
      const html = await (await server.app.request(invited.path)).text();
      const pickForm = html.slice(html.indexOf('None of these work?'), html.indexOf('Ask for other times'));
      expect(pickForm).not.toContain('name="reason"');
      expect(html).toContain('Note for the recruiting team');
      const start = /<option value="([^"]+)">/.exec(pickForm)![1]!;
      const taken = await followed(await post(`${invited.path}/reschedule`, { start }), invited.path, 'reschedule');
      expect(taken.status).toBe(200);
      expect(await taken.text()).toContain('your interview is booked');
      const detail = (await (await server.call('GET', `/api/v1/interviews/${invited.id}`)).json()) as { status: string; history: Array<{ action: string; reason: string | null }> };
      expect(detail.status).toBe('scheduled');
      expect(detail.history.at(-1)).toMatchObject({ action: 'accepted', reason: null });
    });

    it('offers a move only the reasons that go with a move, and refuses any other from the form', async () => {
      const booked = await invite({ start: '2026-12-09T15:00:00Z' });
      const html = await (await server.app.request(booked.path)).text();
      const moveForm = html.slice(html.indexOf(`action="${booked.path}/reschedule"`), html.indexOf('Move to this time'));
      expect(moveForm).toContain('value="schedule_conflict"');
      expect(moveForm).not.toContain('value="accepted_offer"');
      expect(moveForm).not.toContain('value="not_a_fit"');
      // The cancel form still offers every reason.
      expect(html.slice(html.indexOf(`action="${booked.path}/cancel"`))).toContain('value="accepted_offer"');
      const start = /<option value="(\d{4}-[^"]+)">/.exec(moveForm)![1]!;
      const refused = await post(`${booked.path}/reschedule`, { start, reason: 'accepted_offer' });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Choose a reason');
      const detail = (await (await server.call('GET', `/api/v1/interviews/${booked.id}`)).json()) as { start: string };
      expect(detail.start).toBe('2026-12-09T15:00:00.000Z');
    });

    it('confirms only what the history shows, whatever the address says', async () => {
      const invited = await invite({ offer: { count: 2 } });
      // Nothing was done yet: no confirmation, and text in the address is never shown.
      const forged = await (await server.app.request(`${invited.path}?done=cancel`)).text();
      expect(forged).not.toContain('Your interview is cancelled');
      const injected = await (await server.app.request(`${invited.path}?done=%3Cscript%3Ealert(1)%3C%2Fscript%3E`)).text();
      expect(injected).not.toContain('<script>');
      expect(injected).not.toContain('role="status"');
      const declined = await followed(await post(`${invited.path}/decline`, { reason: 'not_a_fit' }), invited.path, 'decline');
      expect(await declined.text()).toContain('We have passed it on');
      // The last thing done was a decline: an address claiming a cancellation confirms nothing.
      expect(await (await server.app.request(`${invited.path}?done=cancel`)).text()).not.toContain('role="status"');
      const reported = await followed(await post(`${invited.path}/concern`, { category: 'other', details: 'The recruiter was rude.' }), invited.path, 'concern');
      expect(await reported.text()).toContain('Your report went to HR');
    });

    it('shows the panel, the format and the clock changes before the interview', async () => {
      server.setNow('2026-10-20T12:00:00Z');
      const booked = await invite({ start: '2026-11-02T15:00:00Z', videoUrl: 'https://meet.example/abc' });
      const html = await (await server.app.request(booked.path)).text();
      expect(html).toContain('<strong>With:</strong> Grace');
      expect(html).toContain('video call');
      expect(html).toContain('in Berlin on Sunday, October 25 (UTC+02:00 to UTC+01:00)');
      expect(html).toContain('in New York on Sunday, November 1 (UTC-04:00 to UTC-05:00)');
      server.setNow('2026-10-26T12:00:00Z');
      const later = await (await server.app.request(booked.path)).text();
      expect(later).not.toContain('in Berlin on');
      expect(later).toContain('in New York on');
      server.setNow('2026-12-01T12:00:00Z');
    });

    it('answers a wrong link with a plain 404 page', async () => {
      const response = await server.app.request('/c/lw_cand_not-a-real-token');
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This link is not valid');
      expect((await post('/c/lw_cand_not-a-real-token/cancel', { reason: 'other' })).status).toBe(404);
      const unknownBoth = await post('/c/lw_cand_not-a-real-token/explode', {});
      expect(unknownBoth.status).toBe(404);
      expect(await unknownBoth.text()).toContain('This link is not valid');
    });

    it('answers a good link posted to an action it does not have with its own page, not "not valid"', async () => {
      const booked = await invite({ start: '2026-12-11T15:00:00Z' });
      const response = await post(`${booked.path}/explode`, {});
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('There is nothing to do at that address');
      expect(html).not.toContain('This link is not valid');
      expect(html).toContain('Move to this time');
    });
  });
});
