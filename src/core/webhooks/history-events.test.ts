import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from './event-types.ts';
import { eventOfHistory } from './history-events.ts';
import type { HistoryLine } from './history-events.ts';

const line = (action: string, over: Partial<HistoryLine> = {}): HistoryLine => ({
  action,
  actor: 'employer',
  noticeClass: null,
  noticeHours: null,
  reason: null,
  details: null,
  ...over,
});

describe('eventOfHistory', () => {
  it.each([
    ['scheduled', 'interview.scheduled'],
    ['accepted', 'interview.scheduled'],
    ['rescheduled', 'interview.rescheduled'],
    ['cancelled', 'interview.cancelled'],
    ['declined', 'interview.declined'],
    ['withdrawn', 'interview.withdrawn'],
    ['no_show', 'interview.no_show'],
    ['completed', 'interview.completed'],
    ['ended_early', 'interview.ended_early'],
    ['panel_declined', 'panel.declined'],
    ['panel_replaced', 'panel.replaced'],
    ['filled_from_waitlist', 'waitlist.filled'],
  ])('%s announces %s', (action, type) => {
    expect(eventOfHistory(line(action))?.type).toBe(type);
  });

  it.each(['invited', 'new_times_requested', 'concern_raised', 'late', 'no_show_excused', 'panel_handed_over'])('%s announces nothing', (action) => {
    expect(eventOfHistory(line(action))).toBeNull();
  });

  it('only names types from the one table', () => {
    const known = new Set(WEBHOOK_EVENT_TYPES.map((e) => e.type));
    for (const action of ['scheduled', 'cancelled', 'panel_replaced', 'filled_from_waitlist']) expect(known.has(eventOfHistory(line(action))!.type)).toBe(true);
  });

  it('carries the side, notice class and reason category, and never free text from the details', () => {
    const event = eventOfHistory(
      line('cancelled', { actor: 'candidate', noticeClass: 'late', noticeHours: 3.5, reason: 'illness', details: { calledAhead: true, note: 'my private words' } }),
    );
    expect(event).toEqual({
      type: 'interview.cancelled',
      facts: { actor: { side: 'candidate', memberId: null }, noticeClass: 'late', noticeHours: 3.5, reason: 'illness', openingEnded: null, calledAhead: true },
    });
    expect(JSON.stringify(event)).not.toContain('private');
  });

  it("names the panelist who declined as the one who acted, without their reason's words", () => {
    const event = eventOfHistory(line('panel_declined', { details: { memberId: 'm-1', reason: 'I have a dentist appointment' } }));
    expect(event?.facts.actor).toEqual({ side: 'employer', memberId: 'm-1' });
    expect(JSON.stringify(event)).not.toContain('dentist');
  });

  it('keeps a withdrawal free of the referral text', () => {
    const event = eventOfHistory(line('withdrawn', { actor: 'candidate', details: { keepInTouch: true, referral: 'Ask Jo at jo@example.com' } }));
    expect(JSON.stringify(event)).not.toContain('Jo');
  });
});
