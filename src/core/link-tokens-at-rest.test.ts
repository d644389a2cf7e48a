import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactCandidateTokens } from './candidate-link.ts';
import { foldLine } from './ical/fold-line.ts';
import { LinkTokensMismatchError, putBackLinkTokens, setAsideLinkTokens } from './link-tokens-at-rest.ts';
import type { OutgoingEmail } from './outgoing-email.ts';

const TOKEN = 'lw_cand_AbCdEfGhIjKlMnOpQrStUvWxYz012345-_xyz';
const SEAT = 'lw_seat_0123456789abcdefghijklmnop';

function email(parts: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: '<m@example.test>',
    from: { name: 'Acme', address: 'noreply@example.test' },
    to: [{ name: 'Ada', address: 'ada@example.test' }],
    replyTo: { name: 'Rita', address: 'rita@example.test' },
    subject: 'Your interview',
    text: `Change it here: https://leeway.example/c/${TOKEN}\nThanks`,
    ...parts,
  };
}

/** A calendar as `buildInterviewCalendar` writes it: each content line folded at 75 octets. */
function calendar(lines: string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

describe('setAsideLinkTokens', () => {
  it('replaces each token by its redacted form and remembers where it stood', () => {
    const { email: stored, tokens } = setAsideLinkTokens(email({ html: `<a href="https://x/seat/${SEAT}">seat</a>` }));
    expect(stored.text).toBe('Change it here: https://leeway.example/c/lw_cand_[redacted]\nThanks');
    expect(stored.html).toBe('<a href="https://x/seat/lw_seat_[redacted]">seat</a>');
    expect(tokens).toEqual([
      { field: 'text', at: 41, text: TOKEN },
      { field: 'html', at: 24, text: SEAT },
    ]);
  });

  it('takes a token out of a calendar with the folds inside it, and puts the very bytes back', () => {
    const ics = calendar(['BEGIN:VCALENDAR', `DESCRIPTION:Move or cancel it at https://leeway.example/c/${TOKEN} any time.`, 'END:VCALENDAR']);
    expect(ics).toMatch(/lw_cand_[A-Za-z0-9_-]*\r\n [A-Za-z0-9_-]/);
    const original = email({ calendar: { method: 'REQUEST', ics } });
    const { email: stored, tokens } = setAsideLinkTokens(original);
    expect(stored.calendar!.ics).toContain('https://leeway.example/c/lw_cand_[redacted] any')
    expect(stored.calendar!.ics.replace(/\r\n[ \t]/g, '')).not.toMatch(/lw_cand_[A-Za-z0-9]/);
    expect(tokens.find((token) => token.field === 'ics')!.text).toContain('\r\n ');
    expect(putBackLinkTokens(stored, tokens)).toEqual(original);
  });

  it('leaves an email without links as it is', () => {
    const plain = email({ text: 'No link here, and lw_cand_short is no token.' });
    expect(setAsideLinkTokens(plain)).toEqual({ email: plain, tokens: [] });
  });

  it('is not confused by a redacted form the writer typed themselves', () => {
    const original = email({ text: `They wrote "lw_cand_[redacted]" and here is the link: ${TOKEN}` });
    const { email: stored, tokens } = setAsideLinkTokens(original);
    expect(stored.text).toBe('They wrote "lw_cand_[redacted]" and here is the link: lw_cand_[redacted]');
    expect(putBackLinkTokens(stored, tokens)).toEqual(original);
  });
});

describe('putBackLinkTokens', () => {
  it('refuses tokens that do not match the stored text', () => {
    const { email: stored, tokens } = setAsideLinkTokens(email());
    expect(() => putBackLinkTokens(stored, [{ ...tokens[0]!, at: tokens[0]!.at + 1 }])).toThrow(LinkTokensMismatchError);
    expect(() => putBackLinkTokens({ ...stored, text: 'changed' }, tokens)).toThrow(LinkTokensMismatchError);
    expect(() => putBackLinkTokens(stored, [{ field: 'html', at: 0, text: TOKEN }])).toThrow(LinkTokensMismatchError);
    expect(() => putBackLinkTokens(stored, [...tokens, ...tokens])).toThrow(LinkTokensMismatchError);
  });
});

describe('link tokens at rest, for any text', () => {
  const tokenBody = fc.stringMatching(/^[A-Za-z0-9_-]{16,60}$/);
  const token = fc.tuple(fc.constantFrom('lw_cand', 'lw_offer', 'lw_seat'), tokenBody).map(([prefix, body]) => `${prefix}_${body}`);
  // Text around the links: anything, the redacted forms and bare prefixes included.
  const filler = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('lw_cand_[redacted]', 'lw_seat_', '\r\n ', 'é😀', ' '));
  const withLinks = fc.array(fc.oneof(filler, token), { maxLength: 8 }).map((pieces) => pieces.join(''));

  it('stores no token, and puts back exactly what was there', () => {
    fc.assert(
      fc.property(withLinks, withLinks, fc.array(withLinks, { maxLength: 6 }), fc.option(withLinks, { nil: undefined }), (subject, text, lines, html) => {
        const original = email({
          subject,
          text,
          ...(html === undefined ? {} : { html }),
          calendar: { method: 'REQUEST', ics: calendar(lines.map((line) => `DESCRIPTION:${line.replace(/[\r\n]/g, ' ')}`)) },
        });
        const { email: stored, tokens } = setAsideLinkTokens(original);
        for (const kept of [stored.subject, stored.text, stored.html ?? '', stored.calendar!.ics.replace(/\r\n[ \t]/g, '')]) {
          expect(redactCandidateTokens(kept)).toBe(kept);
        }
        expect(putBackLinkTokens(stored, tokens)).toEqual(original);
      }),
    );
  });
});
