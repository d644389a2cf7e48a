import { describe, expect, it } from 'vitest';
import { buildInterviewCalendar } from '../core/ical/index.ts';
import { redactLinkTokens } from './redact-link-tokens.ts';

const token = 'lw_cand_AbC-def_0123456789abcdefghijklmnopqrstuvwxyzABCDE';

describe('redactLinkTokens', () => {
  it('removes candidate link tokens from text, and nothing else', () => {
    const payload = { email: { text: `Pick a time: https://x.test/c/${token}\nThanks`, subject: 'Hi lw_cand' } };
    const redacted = redactLinkTokens(payload) as typeof payload;
    expect(JSON.stringify(redacted)).not.toContain(token);
    expect(redacted.email.text).toBe('Pick a time: https://x.test/c/lw_cand_[redacted]\nThanks');
    expect(redacted.email.subject).toBe('Hi lw_cand');
  });

  it('finds tokens split by calendar line folding, wherever the fold falls', () => {
    for (let pad = 0; pad < 80; pad += 1) {
      const ics = buildInterviewCalendar({
        method: 'REQUEST',
        uid: 'u@test',
        sequence: 0,
        start: new Date('2026-12-01T10:00:00Z'),
        end: new Date('2026-12-01T11:00:00Z'),
        dtstamp: new Date('2026-11-01T00:00:00Z'),
        summary: 'x',
        description: `${'p'.repeat(pad)} Need to change it? https://x.test/c/${token}`,
        organizer: { name: 'O', email: 'o@x.test' },
        attendees: [{ name: 'A', email: 'a@x.test', partstat: 'ACCEPTED' }],
      });
      const redacted = redactLinkTokens({ email: { text: '', calendar: { ics } } }) as { email: { calendar: { ics: string } } };
      const unfolded = redacted.email.calendar.ics.replace(/\r\n[ \t]/g, '');
      expect(unfolded, `padding ${pad}`).not.toContain(token.slice(8, 30));
      expect(unfolded).toContain('lw_cand_[redacted]');
    }
  });

  it('redacts every field, HTML and nested data too, and leaves the payload it was given as it was', () => {
    const ics = `BEGIN:VCALENDAR\r\nDESCRIPTION:https://x.test/c/${token.slice(0, 20)}\r\n ${token.slice(20)}\r\nEND:VCALENDAR`;
    const payload = { email: { html: `<a href="https://x.test/c/${token}">`, calendar: { ics } }, links: [{ url: `https://x.test/c/${token}` }] };
    const before = JSON.stringify(payload);
    const redacted = redactLinkTokens(payload);
    expect(JSON.stringify(redacted)).not.toContain(token.slice(8, 20));
    expect(JSON.stringify(redacted).match(/lw_cand_\[redacted\]/g)).toHaveLength(3);
    expect(JSON.stringify(payload)).toBe(before);
  });
});
