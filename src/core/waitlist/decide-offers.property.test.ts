import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CANDIDATE_HOURS } from '../candidate-hours.ts';
import { decideOffers, fitsFreedTime } from './decide-offers.ts';
import type { CheckedEntry } from './decide-offers.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Pacific/Auckland'];

const entryArb = (i: number) =>
  fc.record({
    candidate: fc.integer({ min: 0, max: 6 }),
    duration: fc.constantFrom(30, 45, 60, 90),
    joined: fc.integer({ min: 0, max: 10_000 }),
    earliest: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    span: fc.integer({ min: 2, max: 400 }),
    timezone: fc.constantFrom(...ZONES),
    panelFree: fc.boolean(),
    candidateFree: fc.boolean(),
  }).map((r): CheckedEntry => {
    const earliest = r.earliest === null ? null : new Date(NOW + r.earliest * HOUR);
    return {
      id: `e${i}`,
      candidateId: `c${r.candidate}`,
      panel: ['a'],
      durationMinutes: r.duration,
      earliest,
      latest: earliest ? new Date(earliest.getTime() + r.span * HOUR) : null,
      joinedAt: new Date(NOW - r.joined * 60_000),
      timezone: r.timezone,
      hours: DEFAULT_CANDIDATE_HOURS,
      panelFree: r.panelFree,
      candidateFree: r.candidateFree,
    };
  });

const world = fc.record({
  entries: fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entryArb(i)))),
  startHours: fc.integer({ min: -2, max: 400 }),
  lengthMinutes: fc.constantFrom(30, 60, 90),
  fanout: fc.integer({ min: 1, max: 5 }),
  standing: fc.integer({ min: 0, max: 3 }),
  offered: fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 4 }),
  offerMinutes: fc.integer({ min: 5, max: 600 }),
});

describe('decideOffers (property)', () => {
  it('offers only fitting, free, not yet asked entries, in joining order, within the fanout, one per candidate', () => {
    fc.assert(
      fc.property(world, (w) => {
        const start = new Date(NOW + w.startHours * HOUR);
        const slot = { start, end: new Date(start.getTime() + w.lengthMinutes * 60_000), panel: ['a'] };
        const alreadyOffered = new Set(w.offered.map((i) => `e${i}`));
        const now = new Date(NOW);
        const decision = decideOffers({ slot, entries: w.entries, alreadyOffered, standing: w.standing, offerMinutes: w.offerMinutes, fanout: w.fanout, now });
        const eligible = w.entries
          .filter((e) => !alreadyOffered.has(e.id) && e.panelFree && e.candidateFree && fitsFreedTime(e, slot, now))
          .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : 1));
        const room = Math.max(0, w.fanout - w.standing);
        if (decision.kind !== 'offered') {
          // Nobody is offered only when nobody fits or there is no room.
          expect(eligible.length === 0 || room === 0).toBe(true);
          expect(decision.kind).toBe(w.standing > 0 ? 'waiting' : 'lapsed');
          return;
        }
        const offered = decision.offers.map((o) => w.entries.find((e) => e.id === o.entryId)!);
        expect(offered.length).toBeLessThanOrEqual(room);
        expect(new Set(offered.map((e) => e.candidateId)).size).toBe(offered.length);
        // The first eligible entry of each candidate, in joining order, up to the room.
        const firstPerCandidate = eligible.filter((e, i) => eligible.findIndex((x) => x.candidateId === e.candidateId) === i);
        expect(offered.map((e) => e.id)).toEqual(firstPerCandidate.slice(0, room).map((e) => e.id));
        for (const offer of decision.offers) {
          expect(offer.start).toEqual(start);
          expect(offer.end.getTime() - offer.start.getTime()).toBe(offered.find((e) => e.id === offer.entryId)!.durationMinutes * 60_000);
          expect(offer.end.getTime()).toBeLessThanOrEqual(slot.end.getTime());
          expect(offer.expiresAt.getTime()).toBeGreaterThan(now.getTime());
          expect(offer.expiresAt.getTime()).toBeLessThanOrEqual(Math.min(start.getTime(), now.getTime() + w.offerMinutes * 60_000));
        }
      }),
      { numRuns: 300 },
    );
  });
});
