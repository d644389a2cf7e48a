import { describe, expect, it } from 'vitest';
import { baseChange } from '../decisions/interview-change.ts';
import { planEmails } from '../messages/index.ts';
import type { Recipients } from '../messages/index.ts';
import { describeDeliveries } from './describe-deliveries.ts';

const start = new Date('2026-12-10T15:00:00Z');
const end = new Date('2026-12-10T16:00:00Z');
const zone = 'America/New_York';
const recipients: Recipients = {
  candidate: { name: 'Jo', address: 'jo@example.com', timezone: zone },
  panel: [
    { id: 'm1', name: 'Grace Hopper', address: 'grace@acme.test', timezone: zone },
    { id: 'm2', name: 'Alan Turing', address: 'alan@acme.test', timezone: zone },
  ],
  coordinator: { name: 'Acme recruiting', address: 'jobs@acme.test', timezone: zone },
  hr: { name: 'Acme HR', address: 'hr@acme.test', timezone: zone },
  candidateReplyTo: { name: 'Acme recruiting', address: 'jobs@acme.test' },
  sender: { name: 'Acme', address: 'no-reply@leeway.test' },
};

describe('describeDeliveries', () => {
  it("says who gets what for a candidate's cancellation of a booked interview, from the plan", () => {
    const change = baseChange('cancelled', 'candidate', new Date('2026-12-08T15:00:00Z'), { status: 'scheduled', start, end, sequence: 0, candidatePartstat: 'accepted' }, { status: 'cancelled', start, end, sequence: 1, candidatePartstat: 'accepted' });
    const summary = describeDeliveries(planEmails(change, recipients));
    expect(summary.recipients).toEqual([
      { audience: 'candidate', kind: 'cancellation_confirmation', count: 1, emails: 1, names: ['Jo'], calendar: 'CANCEL' },
      { audience: 'coordinator', kind: 'coordinator_cancellation', count: 1, emails: 1, names: ['Acme recruiting'], calendar: null },
      { audience: 'panelist', kind: 'panel_cancellation', count: 2, emails: 2, names: ['Grace Hopper', 'Alan Turing'], calendar: 'CANCEL' },
    ]);
    expect(summary.text).toBe(
      'You get an email and a calendar cancellation. The recruiting team gets an email. The 2 interviewers get an email each and a calendar cancellation.',
    );
    expect(summary.text).not.toContain('@');
  });

  it('says nobody gets a calendar cancellation for an invitation that never had a time', () => {
    const change = baseChange('declined', 'candidate', new Date('2026-12-08T15:00:00Z'), { status: 'invited', start: null, end: null, sequence: 0, candidatePartstat: 'needs-action' }, { status: 'declined', start: null, end: null, sequence: 1, candidatePartstat: 'needs-action' });
    const summary = describeDeliveries(planEmails(change, recipients));
    expect(summary.recipients.every((g) => g.calendar === null)).toBe(true);
    expect(summary.text).not.toContain('calendar');
  });

  it('counts a person once when they get one email per interview', () => {
    const at = new Date('2026-12-08T15:00:00Z');
    const withdrawn = (primary: boolean) =>
      planEmails(baseChange('withdrawn', 'candidate', at, { status: 'scheduled', start, end, sequence: 0, candidatePartstat: 'accepted' }, { status: 'withdrawn', start, end, sequence: 1, candidatePartstat: 'accepted' }), { ...recipients, panel: recipients.panel.slice(0, 1) }, { primary });
    const summary = describeDeliveries([...withdrawn(true), ...withdrawn(false)]);
    expect(summary.recipients.find((g) => g.audience === 'panelist')).toMatchObject({ count: 1, emails: 2, names: ['Grace Hopper'] });
    expect(summary.text).toContain('The interviewer gets emails and calendar cancellations.');
  });

  it('names who reads a concern, and says so when nobody can', () => {
    const change = { ...baseChange('concern', 'candidate', new Date('2026-12-08T15:00:00Z'), { status: 'scheduled', start, end, sequence: 0, candidatePartstat: 'accepted' }, { status: 'scheduled', start, end, sequence: 0, candidatePartstat: 'accepted' }), concern: { category: 'other', details: 'x' } };
    expect(describeDeliveries(planEmails(change, recipients)).text).toBe('Acme HR gets your report by email, in confidence.');
    expect(describeDeliveries(planEmails(change, { ...recipients, hr: null })).text).toBe('No email goes out.');
  });
});
