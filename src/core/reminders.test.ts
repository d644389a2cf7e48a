import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideReminder, leaveByFor } from './reminders.ts';

const start = new Date('2026-12-10T15:00:00Z');

describe('leaveByFor', () => {
  it('gives a leave-by time for an interview in person', () => {
    expect(leaveByFor({ location: '1 Market St, Floor 3', videoUrl: null }, start)?.toISOString()).toBe('2026-12-10T14:15:00.000Z');
  });
  it('gives none for a video or remote interview', () => {
    expect(leaveByFor({ location: '1 Market St', videoUrl: 'https://meet.example.com/x' }, start)).toBeNull();
    expect(leaveByFor({ location: 'Remote', videoUrl: null }, start)).toBeNull();
    expect(leaveByFor({ location: null, videoUrl: null }, start)).toBeNull();
  });
});

describe('decideReminder', () => {
  const HOUR = 3_600_000;
  const interview = { status: 'scheduled' as const, start, end: new Date(start.getTime() + HOUR), sequence: 1, location: '1 Market St, Floor 3', videoUrl: null, candidatePartstat: 'accepted' as const };
  const booked = new Date('2026-12-01T12:00:00Z');
  const at = (hoursBefore: number, extraMs = 0) => new Date(start.getTime() - hoursBefore * HOUR + extraMs);

  it('is due once a reminder time has come, and states the interview as it is, with when to leave', () => {
    const decision = decideReminder({ interview, hoursBefore: [48, 24], remindedThrough: booked, now: at(48, 5_000) });
    expect(decision?.reminder).toEqual({ sendAt: at(48), leaveBy: new Date('2026-12-10T14:15:00Z') });
    expect(decision?.change).toMatchObject({ kind: 'reminder_due', at: at(48, 5_000), reason: null, notice: null });
    expect(decision?.change.before).toEqual(decision?.change.after);
    expect(decision?.change.after).toEqual({ status: 'scheduled', start, end: interview.end, sequence: 1, candidatePartstat: 'accepted' });
  });

  it('is not due before its time, nor again once settled', () => {
    expect(decideReminder({ interview, hoursBefore: [48, 24], remindedThrough: booked, now: at(48, -1) })).toBeNull();
    expect(decideReminder({ interview, hoursBefore: [48, 24], remindedThrough: at(48, 5_000), now: at(48, 60_000) })).toBeNull();
    expect(decideReminder({ interview, hoursBefore: [48, 24], remindedThrough: at(48, 5_000), now: at(24) })?.reminder.sendAt).toEqual(at(24));
  });

  it('sends one reminder, the nearest the start, for times that came while none were written', () => {
    expect(decideReminder({ interview, hoursBefore: [48, 24, 2], remindedThrough: booked, now: at(20) })?.reminder.sendAt).toEqual(at(24));
  });

  it('writes none for a time that came before the interview got its current time', () => {
    // Booked 30 hours ahead: the 48-hour reminder is not owed, the 24-hour one is.
    const lateBooking = at(30);
    expect(decideReminder({ interview, hoursBefore: [48], remindedThrough: lateBooking, now: at(10) })).toBeNull();
    expect(decideReminder({ interview, hoursBefore: [48, 24], remindedThrough: lateBooking, now: at(24) })?.reminder.sendAt).toEqual(at(24));
  });

  it('writes none for an interview that is not scheduled, has no time, or has started', () => {
    for (const status of ['invited', 'cancelled', 'withdrawn', 'completed'] as const) {
      expect(decideReminder({ interview: { ...interview, status }, hoursBefore: [24], remindedThrough: booked, now: at(24) })).toBeNull();
    }
    expect(decideReminder({ interview: { ...interview, start: null, end: null }, hoursBefore: [24], remindedThrough: booked, now: at(24) })).toBeNull();
    expect(decideReminder({ interview, hoursBefore: [1], remindedThrough: booked, now: start })).toBeNull();
    expect(decideReminder({ interview, hoursBefore: [], remindedThrough: booked, now: at(1) })).toBeNull();
  });

  it('says when to leave only for an interview in person', () => {
    expect(decideReminder({ interview: { ...interview, videoUrl: 'https://meet.example/x' }, hoursBefore: [24], remindedThrough: booked, now: at(24) })?.reminder.leaveBy).toBeNull();
  });

  it('for any hours and moments: due exactly when a time fell in (settled, now] before the start, and stands for the latest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 720 }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 800 * 60 }),
        fc.integer({ min: 0, max: 800 * 60 }),
        (hours, settledMinutesBefore, nowMinutesBefore) => {
          const remindedThrough = new Date(start.getTime() - settledMinutesBefore * 60_000);
          const now = new Date(start.getTime() - nowMinutesBefore * 60_000);
          const decision = decideReminder({ interview, hoursBefore: hours, remindedThrough, now });
          const times = hours.map((h) => start.getTime() - h * HOUR).filter((t) => t > remindedThrough.getTime() && t <= now.getTime());
          if (now.getTime() >= start.getTime() || times.length === 0) return decision === null;
          return decision !== null && decision.reminder.sendAt.getTime() === Math.max(...times) && decision.reminder.sendAt.getTime() <= now.getTime();
        },
      ),
    );
  });
});
