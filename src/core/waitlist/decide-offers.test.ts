import { describe, expect, it } from 'vitest';
import { DEFAULT_CANDIDATE_HOURS } from '../candidate-hours.ts';
import { decideOffers, fitsFreedTime, offerClaimable } from './decide-offers.ts';
import type { CheckedEntry, OfferInput } from './decide-offers.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const SLOT = { start: new Date('2026-12-10T10:00:00Z'), end: new Date('2026-12-10T11:00:00Z'), panel: ['a', 'b'] };

function entry(id: string, minutesAfter: number, extra: Partial<CheckedEntry> = {}): CheckedEntry {
  return {
    id,
    candidateId: `c-${id}`,
    panel: ['a', 'b'],
    durationMinutes: 60,
    earliest: null,
    latest: null,
    joinedAt: new Date(Date.parse('2026-11-20T09:00:00Z') + minutesAfter * 60_000),
    timezone: 'UTC',
    hours: DEFAULT_CANDIDATE_HOURS,
    panelFree: true,
    candidateFree: true,
    ...extra,
  };
}

function input(entries: CheckedEntry[], extra: Partial<OfferInput> = {}): OfferInput {
  return { slot: SLOT, entries, alreadyOffered: new Set(), standing: 0, offerMinutes: 120, fanout: 1, now: NOW, ...extra };
}

describe('decideOffers', () => {
  it('offers the entry that joined first, for its duration from the freed start, expiring after offerMinutes', () => {
    const decision = decideOffers(input([entry('late', 10), entry('early', 1)]));
    expect(decision).toEqual({
      kind: 'offered',
      at: NOW,
      offers: [{ entryId: 'early', candidateId: 'c-early', start: SLOT.start, end: SLOT.end, expiresAt: new Date('2026-12-01T14:00:00Z') }],
    });
  });

  it('skips entries whose window, hours, panel or candidate do not fit, and those already offered', () => {
    const entries = [
      entry('window', 1, { latest: new Date('2026-12-05T00:00:00Z') }),
      entry('earliest', 2, { earliest: new Date('2026-12-10T10:30:00Z') }),
      entry('hours', 3, { timezone: 'Pacific/Auckland' }),
      entry('panel', 4, { panelFree: false }),
      entry('busy', 5, { candidateFree: false }),
      entry('long', 6, { durationMinutes: 90 }),
      entry('asked', 7),
      entry('fits', 8),
    ];
    const decision = decideOffers(input(entries, { alreadyOffered: new Set(['asked']) }));
    expect(decision.kind === 'offered' && decision.offers.map((o) => o.entryId)).toEqual(['fits']);
  });

  it('offers up to the fanout beside the standing offers, one per candidate', () => {
    const entries = [entry('e1', 1), entry('e2', 2, { candidateId: 'c-e1' }), entry('e3', 3), entry('e4', 4), entry('e5', 5)];
    const decision = decideOffers(input(entries, { fanout: 3 }));
    expect(decision.kind === 'offered' && decision.offers.map((o) => o.entryId)).toEqual(['e1', 'e3', 'e4']);
    const more = decideOffers(input(entries, { fanout: 3, standing: 2, alreadyOffered: new Set(['e1', 'e3']) }));
    expect(more.kind === 'offered' && more.offers.map((o) => o.entryId)).toEqual(['e2']);
  });

  it('waits while offers stand and lapses when nobody is left', () => {
    expect(decideOffers(input([], { standing: 1 })).kind).toBe('waiting');
    expect(decideOffers(input([entry('x', 1, { panelFree: false })])).kind).toBe('lapsed');
    expect(decideOffers(input([entry('x', 1)], { fanout: 1, standing: 1 })).kind).toBe('waiting');
  });

  it('never lets an offer outlive the start of the time, and never offers time already begun', () => {
    const soon = { ...SLOT, start: new Date('2026-12-01T13:00:00Z'), end: new Date('2026-12-01T14:00:00Z') };
    const decision = decideOffers(input([entry('x', 1)], { slot: soon }));
    expect(decision.kind === 'offered' && decision.offers[0]!.expiresAt).toEqual(soon.start);
    expect(fitsFreedTime(entry('x', 1), soon, new Date('2026-12-01T13:00:00Z'))).toBe(false);
  });
});

describe('offerClaimable', () => {
  const open = { status: 'open' };
  it('tells taken from expired', () => {
    expect(offerClaimable({ status: 'offered', expiresAt: new Date('2026-12-01T14:00:00Z') }, open, NOW)).toBe('ok');
    expect(offerClaimable({ status: 'offered', expiresAt: NOW }, open, NOW)).toBe('OFFER_EXPIRED');
    expect(offerClaimable({ status: 'offered', expiresAt: new Date('2026-12-01T14:00:00Z') }, { status: 'filled' }, NOW)).toBe('OFFER_TAKEN');
    expect(offerClaimable({ status: 'withdrawn', expiresAt: new Date('2026-12-01T14:00:00Z') }, open, NOW)).toBe('OFFER_TAKEN');
    expect(offerClaimable({ status: 'declined', expiresAt: new Date('2026-12-01T14:00:00Z') }, open, NOW)).toBe('OFFER_EXPIRED');
    expect(offerClaimable({ status: 'offered', expiresAt: new Date('2026-12-01T14:00:00Z') }, { status: 'lapsed' }, NOW)).toBe('OFFER_EXPIRED');
  });
});
