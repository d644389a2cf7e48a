import { describe, expect, it } from 'vitest';
import { leaveByFor } from './reminders.ts';

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
