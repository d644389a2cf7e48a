import { describe, expect, it } from 'vitest';
import { declinedSeats } from './declined-seats.ts';

const start = new Date('2026-12-09T15:00:00Z');
const at = new Date('2026-12-01T12:00:00Z');
const line = (action: string, details: Record<string, unknown>, when = at) => ({ action, at: when, details });

describe('declinedSeats', () => {
  it('knows a seat declined for the current start, with when and how it was left', () => {
    const proposals = [{ start: '2026-12-10T15:00:00.000Z', end: '2026-12-10T16:00:00.000Z', standIn: 'm-ada' }];
    const seats = declinedSeats(
      [line('panel_declined', { memberId: 'm-alan', forStart: start.toISOString() }), line('panel_declined', { memberId: 'm-grace', forStart: start.toISOString(), proposals })],
      ['m-grace', 'm-alan'],
      start,
    );
    expect(seats.get('m-alan')).toEqual({ memberId: 'm-alan', at, left: { outcome: 'coordinator' } });
    expect(seats.get('m-grace')?.left).toEqual({ outcome: 'proposed', proposals: [{ start: new Date(proposals[0]!.start), end: new Date(proposals[0]!.end), standIn: 'm-ada' }] });
  });

  it('keeps the first decline; forgets one for another time (the interview moved), one replaced off the panel, and one without a start', () => {
    const later = new Date(at.getTime() + 60_000);
    const history = [
      line('panel_declined', { memberId: 'm-alan', forStart: start.toISOString() }),
      line('panel_declined', { memberId: 'm-alan', forStart: start.toISOString(), proposals: [] }, later),
      line('panel_declined', { memberId: 'm-grace', forStart: '2026-12-08T15:00:00.000Z' }),
      line('panel_declined', { memberId: 'm-ada', forStart: start.toISOString() }),
      line('panel_declined', { memberId: 'm-kat' }),
    ];
    const seats = declinedSeats(history, ['m-alan', 'm-grace', 'm-kat'], start);
    expect([...seats.keys()]).toEqual(['m-alan']);
    expect(seats.get('m-alan')!.at).toEqual(at);
    expect(declinedSeats(history, ['m-alan'], null).size).toBe(0);
  });
});
