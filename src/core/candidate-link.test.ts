import { describe, expect, it } from 'vitest';
import { linkExpiry, redactCandidateTokens } from './candidate-link.ts';

describe('redactCandidateTokens', () => {
  it('redacts every kind of private link token, folded into any text', () => {
    const text = 'a https://x/c/lw_cand_abcdefghijklmnopqrstu b https://x/seat/lw_seat_ABCDEFGHIJKLMNOPQRSTU_- c lw_offer_0123456789abcdefXYZ';
    expect(redactCandidateTokens(text)).toBe('a https://x/c/lw_cand_[redacted] b https://x/seat/lw_seat_[redacted] c lw_offer_[redacted]');
  });
  it('leaves short or unknown look-alikes alone', () => {
    expect(redactCandidateTokens('lw_cand_short lw_key_abcdefghijklmnopqrstu')).toBe('lw_cand_short lw_key_abcdefghijklmnopqrstu');
  });
});

describe('linkExpiry', () => {
  it('runs some days past the interview or the last offered time', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const interview = { end: new Date('2026-12-10T16:00:00Z'), offeredSlots: [] };
    expect(linkExpiry({ interview, now, graceDays: 14 }).toISOString()).toBe('2026-12-24T16:00:00.000Z');
    const offered = { end: null, offeredSlots: [{ start: new Date('2026-12-12T10:00:00Z'), end: new Date('2026-12-12T11:00:00Z') }] };
    expect(linkExpiry({ interview: offered, now, graceDays: 14 }).toISOString()).toBe('2026-12-26T11:00:00.000Z');
  });
});
