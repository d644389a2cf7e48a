import { describe, expect, it } from 'vitest';
import { renderRescheduleRequest } from './render-reschedule-request.ts';
import type { RescheduleRequestFacts } from './render-reschedule-request.ts';

const facts: RescheduleRequestFacts = {
  organizationName: 'Acme',
  openingTitle: 'Platform Engineer',
  interviewTitle: 'Round 2 with CTO',
  candidateName: 'Jordan Lee',
  proposer: { name: 'Jordan Lee', role: 'candidate' },
  current: { start: new Date('2026-12-10T15:00:00Z'), end: new Date('2026-12-10T16:00:00Z') },
  proposed: { start: new Date('2026-12-11T19:30:00Z'), end: new Date('2026-12-11T20:30:00Z') },
  comment: 'Could we do Friday afternoon instead?',
  panel: [
    { name: 'Grace Hopper', availability: 'free' },
    { name: 'Alan Turing', availability: 'busy' },
  ],
  candidate: 'free',
};

describe('the reschedule request from a calendar COUNTER (golden files)', () => {
  it('states the proposed time in the reader zone and who is busy', async () => {
    const rendered = renderRescheduleRequest(facts, { timezone: 'America/New_York' });
    expect(rendered.text).toContain('Proposed: Friday, December 11 at 2:30 PM EST (New York time) to 3:30 PM');
    expect(rendered.text).toContain('Alan Turing: busy');
    expect(rendered.text).not.toContain('Everyone is free');
    await expect(`Subject: ${rendered.subject}\n\n${rendered.text}\n`).toMatchFileSnapshot('./__golden_calendar__/reschedule-request-busy.txt');
  });

  it('says when everyone is free, from a panelist, in another zone', async () => {
    const rendered = renderRescheduleRequest(
      { ...facts, comment: null, proposer: { name: 'Grace Hopper', role: 'panelist' }, panel: [{ name: 'Grace Hopper', availability: 'free' }] },
      { timezone: 'Asia/Kolkata' },
    );
    expect(rendered.text).toContain('Everyone is free then.');
    expect(rendered.text).toContain('Proposed: Saturday, December 12 at 1:00 AM');
    await expect(`Subject: ${rendered.subject}\n\n${rendered.text}\n`).toMatchFileSnapshot('./__golden_calendar__/reschedule-request-free.txt');
  });

  it('never counts a panelist who declined their seat as attending: the seat is said to be open', async () => {
    const rendered = renderRescheduleRequest(
      { ...facts, panel: [{ name: 'Katherine Johnson', availability: 'declined_seat' }, { name: 'Grace Hopper', availability: 'free' }] },
      { timezone: 'America/New_York' },
    );
    expect(rendered.text).toContain('Katherine Johnson: declined their seat, which is open');
    expect(rendered.text).toContain('One seat of the panel is open: Katherine Johnson declined');
    expect(rendered.text).not.toContain('Everyone is free');
    expect(rendered.text).not.toContain('Katherine Johnson: free');
    await expect(`Subject: ${rendered.subject}\n\n${rendered.text}\n`).toMatchFileSnapshot('./__golden_calendar__/reschedule-request-open-seat.txt');
  });
});
