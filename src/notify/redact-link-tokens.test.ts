import { describe, expect, it } from 'vitest';
import { redactLinkTokens } from './redact-link-tokens.ts';

describe('redactLinkTokens', () => {
  it('removes candidate link tokens from text and calendar parts, and nothing else', () => {
    const token = 'lw_cand_AbC-def_0123456789abcdefghijklmnopqrstuv';
    const payload = { email: { text: `Pick a time: https://x.test/c/${token}\nThanks`, calendar: { ics: `DESCRIPTION:${token}` }, subject: 'Hi lw_cand' } };
    const redacted = redactLinkTokens(payload) as typeof payload;
    expect(JSON.stringify(redacted)).not.toContain(token);
    expect(redacted.email.text).toBe('Pick a time: https://x.test/c/lw_cand_[redacted]\nThanks');
    expect(redacted.email.subject).toBe('Hi lw_cand');
  });
});
