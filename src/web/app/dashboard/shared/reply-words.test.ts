import { describe, expect, it } from 'vitest';
import type { InboundReply } from '../../api/inbound-types.ts';
import { attendeeAnswer, effectLabel, replySaid } from './reply-words.ts';

const reply: InboundReply = {
  id: 'r1',
  receivedAt: '2026-12-01T12:00:00Z',
  via: 'smtp',
  from: 'ada@example.com',
  messageId: '<1@example.com>',
  method: 'REPLY',
  uid: 'uid-1',
  interviewId: 'i1',
  attendee: null,
  partstat: 'accepted',
  proposedStart: null,
  proposedEnd: null,
  outcome: 'applied',
  effect: 'recorded',
  ignoredBecause: null,
};

describe('an attendee in words', () => {
  it('says a candidate chose the time, not that they answered, until their calendar replies', () => {
    expect(attendeeAnswer({ role: 'candidate', partstat: 'accepted', repliedAt: null })).toBe('Chose this time; no calendar reply yet');
    expect(attendeeAnswer({ role: 'candidate', partstat: 'needs-action', repliedAt: null })).toBe('No answer');
    expect(attendeeAnswer({ role: 'candidate', partstat: 'accepted', repliedAt: '2026-12-01T12:00:00Z' })).toBe('Accepted');
    expect(attendeeAnswer({ role: 'candidate', partstat: 'declined', repliedAt: null })).toBe('Declined');
    expect(attendeeAnswer({ role: 'panelist', partstat: 'needs-action', repliedAt: null })).toBe('No answer');
  });
});

describe('a calendar reply in words', () => {
  it('says what the reply said: an answer, a proposed time, or another calendar message', () => {
    expect(replySaid(reply)).toBe('Accepted');
    expect(replySaid({ ...reply, partstat: 'declined' })).toBe('Declined');
    expect(replySaid({ ...reply, method: 'COUNTER', partstat: null })).toBe('Proposed another time');
    expect(replySaid({ ...reply, method: 'REQUEST', partstat: null })).toBe('A calendar REQUEST');
    expect(replySaid({ ...reply, method: null, partstat: null })).toBe('A message without a calendar answer');
  });

  it('says what acting on it did, and shows an effect it does not know as given', () => {
    expect(effectLabel('cancelled')).toBe('The interview was cancelled: the candidate declined.');
    expect(effectLabel('reschedule_requested')).toBe('The recruiter was asked to move the interview to the proposed time.');
    expect(effectLabel('something_new')).toBe('something new');
    expect(effectLabel(null)).toBe('Acted on it.');
  });
});
