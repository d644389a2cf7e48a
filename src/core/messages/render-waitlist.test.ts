import { describe, expect, it } from 'vitest';
import { reviewDraft } from '../etiquette/index.ts';
import { planWaitlistEmail, renderWaitlistEmail } from './render-waitlist.ts';
import type { WaitlistMessageFacts, WaitlistNotice, WaitlistRecipients } from './render-waitlist.ts';
import { WAITLIST_EMAIL_KINDS } from './waitlist-kinds.ts';

const AT = new Date('2026-12-01T12:00:00Z');
const START = new Date('2026-12-10T15:00:00Z');

const RECIPIENTS: WaitlistRecipients = {
  candidate: { name: 'Jordan Lee', address: 'jordan@example.com', timezone: 'Europe/Berlin' },
  replyTo: { name: 'Acme recruiting', address: 'recruiting@acme.test' },
  sender: { name: 'Acme', address: 'no-reply@leeway.example' },
};

const LINK = 'https://leeway.example/c/lw_offer_EXAMPLE';

const scenarios: Array<{ name: string; notice: WaitlistNotice; recipients?: WaitlistRecipients; link?: string | null }> = [
  { name: 'offer', notice: { kind: 'offered', at: AT, start: START, end: new Date('2026-12-10T16:00:00Z'), durationMinutes: 60, interview: { title: 'Technical interview', format: 'video', location: null }, expiresAt: new Date('2026-12-01T14:00:00Z'), shared: false }, link: LINK },
  {
    name: 'offer-shared-no-contact',
    notice: { kind: 'offered', at: AT, start: START, end: new Date('2026-12-10T15:45:00Z'), durationMinutes: 45, interview: { title: 'Platform Engineer', format: 'in_person', location: '1 Market St, New York' }, expiresAt: new Date('2026-12-01T14:00:00Z'), shared: true },
    recipients: { ...RECIPIENTS, replyTo: null },
    link: LINK,
  },
  { name: 'offer-withdrawn-claimed', notice: { kind: 'offer_withdrawn', at: AT, start: START, why: 'claimed_by_another' } },
  { name: 'offer-withdrawn-not-free', notice: { kind: 'offer_withdrawn', at: AT, start: START, why: 'no_longer_free' } },
  { name: 'closed-filled', notice: { kind: 'closed', at: AT, how: 'filled' } },
  { name: 'closed-closed', notice: { kind: 'closed', at: AT, how: 'closed' } },
];

function factsFor(notice: WaitlistNotice, link: string | null): WaitlistMessageFacts {
  return {
    notice,
    organization: { name: 'Acme', timezone: 'America/New_York' },
    openingTitle: 'Platform Engineer',
    candidate: { name: 'Jordan Lee', timezone: 'Europe/Berlin' },
    link,
  };
}

function render(scenario: (typeof scenarios)[number]) {
  const email = planWaitlistEmail(scenario.notice, scenario.recipients ?? RECIPIENTS);
  return { email, rendered: renderWaitlistEmail(factsFor(scenario.notice, scenario.link ?? null), email) };
}

describe('waitlist emails (golden files)', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
    const { email, rendered } = render(scenario);
    const head = `=== ${email.kind} → ${email.to.address} (${email.audience}, ${email.timezone}) calendar: ${email.calendar ?? 'none'} reply-to: ${email.replyTo.address}`;
    await expect(`${head}\nSubject: ${rendered.subject}\n\n${rendered.text}\n`).toMatchFileSnapshot(`./__golden_waitlist__/${name}.txt`);
  });

  it('covers every waitlist kind', () => {
    expect(new Set(scenarios.map((s) => render(s).email.kind))).toEqual(new Set(WAITLIST_EMAIL_KINDS));
  });

  it('states only what the decision holds', () => {
    for (const scenario of scenarios) {
      const { email, rendered } = render(scenario);
      // A reply is invited only when it reaches someone; the link only in an offer.
      expect(rendered.text.includes('reply to this email')).toBe(email.canReply);
      expect(rendered.text.includes('lw_offer_')).toBe(scenario.notice.kind === 'offered');
      // Times in the reader's zone, named.
      if (scenario.notice.kind !== 'closed') expect(rendered.text).toContain('Thursday, December 10 at 4:00 PM GMT+1 (Berlin time)');
      expect(rendered.text).not.toMatch(/not (been )?selected|unfortunately you/i);
      // The sign-off comes last.
      expect(rendered.text.trimEnd().endsWith('Acme recruiting')).toBe(true);
    }
  });

  it('closes the waitlist in words the etiquette reviewer finds no error in (as a position-filled note)', () => {
    for (const scenario of scenarios.filter((s) => s.notice.kind === 'closed')) {
      const { rendered } = render(scenario);
      const errors = reviewDraft({ kind: 'position_filled', text: rendered.text }).findings.filter((f) => f.severity === 'error');
      expect(errors, scenario.name).toEqual([]);
    }
  });
});
