import { describe, expect, it } from 'vitest';
import { interviewFormat } from './interview-format.ts';

describe('interviewFormat', () => {
  it('is video with a link, in person with a place, and unspecified with neither', () => {
    expect(interviewFormat({ location: null, videoUrl: 'https://meet.example/abc' })).toBe('video');
    expect(interviewFormat({ location: 'Room 4, 1 Main St', videoUrl: 'https://meet.example/abc' })).toBe('video');
    expect(interviewFormat({ location: '1 Main St', videoUrl: null })).toBe('in_person');
    expect(interviewFormat({ location: '  ', videoUrl: null })).toBe('unspecified');
    expect(interviewFormat({ location: null, videoUrl: null })).toBe('unspecified');
  });
});
