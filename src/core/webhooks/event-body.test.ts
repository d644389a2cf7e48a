import { describe, expect, it } from 'vitest';
import { eventBodyText, interviewSnapshot } from './event-body.ts';
import { laneOf } from './event-types.ts';

describe('eventBodyText', () => {
  it('writes type, timestamp and data in that order, compactly', () => {
    const text = eventBodyText({ type: 'interview.completed', at: new Date('2026-12-01T12:00:00Z'), data: { b: 1, a: 2 } });
    expect(text).toBe('{"type":"interview.completed","timestamp":"2026-12-01T12:00:00.000Z","data":{"b":1,"a":2}}');
  });
});

describe('interviewSnapshot', () => {
  it('lists the fields in the documented order, instants in UTC', () => {
    const snapshot = interviewSnapshot({
      id: 'i', title: 'Round 1', status: 'scheduled', startAt: new Date('2026-12-03T15:00:00Z'), endAt: null,
      openingId: 'o', openingTitle: 'Engineer', candidateId: 'c', candidateName: 'Jo', panel: ['m1', 'm2'],
    });
    expect(Object.keys(snapshot)).toEqual(['id', 'title', 'status', 'start', 'end', 'opening', 'candidate', 'panel']);
    expect(snapshot).toMatchObject({ start: '2026-12-03T15:00:00.000Z', end: null, panel: ['m1', 'm2'] });
  });
});

describe('laneOf', () => {
  it('puts the test event in a lane of its own', () => {
    expect(laneOf('webhook.test')).toBe('test');
    expect(laneOf('interview.scheduled')).toBe('events');
  });
});
