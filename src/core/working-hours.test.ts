import { describe, expect, it } from 'vitest';
import { completeWorkingHours, minutesOfDay, validateWorkingHours } from './working-hours.ts';

describe('validateWorkingHours', () => {
  it('accepts ordinary and split days, and 24:00 as an end', () => {
    expect(validateWorkingHours({ mon: [['09:00', '12:00'], ['13:00', '17:00']], sat: [['20:00', '24:00']] })).toEqual([]);
  });

  it('reports every bad interval with its path', () => {
    const errors = validateWorkingHours({
      mon: [['17:00', '09:00']],
      tue: [['9:00', '17:00']],
      wed: [['09:00', '13:00'], ['12:00', '15:00']],
    });
    expect(errors.map((e) => e.path)).toEqual(['workingHours.mon.0', 'workingHours.tue.0', 'workingHours.wed']);
  });
});

describe('helpers', () => {
  it('converts HH:MM to minutes and completes the week', () => {
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(minutesOfDay('09:30')).toBe(570);
    expect(Object.keys(completeWorkingHours({ mon: [] }))).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });
});
