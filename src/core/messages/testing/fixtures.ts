import type { InterviewSnapshot } from '../../decisions/decide.ts';
import type { InterviewChange } from '../../decisions/interview-change.ts';
import type { MessageFacts } from '../message-facts.ts';
import type { Recipients } from '../plan-emails.ts';

/** A small cast for rendering tests: a candidate in Berlin, a team in New York, a panelist in London. */
export const RECIPIENTS: Recipients = {
  candidate: { name: 'Jordan Lee', address: 'jordan@example.com', timezone: 'Europe/Berlin' },
  panel: [
    { id: 'm1', name: 'Grace Hopper', address: 'grace@acme.test', timezone: 'America/New_York' },
    { id: 'm2', name: 'Alan Turing', address: 'alan@acme.test', timezone: 'Europe/London' },
  ],
  coordinator: { name: 'Acme recruiting', address: 'recruiting@acme.test', timezone: 'America/New_York' },
  hr: { name: 'Acme HR', address: 'hr@acme.test', timezone: 'America/New_York' },
  candidateReplyTo: { name: 'Acme recruiting', address: 'recruiting@acme.test' },
  sender: { name: 'Acme', address: 'no-reply@leeway.example' },
};

export const NO_CONTACTS: Recipients = { ...RECIPIENTS, coordinator: null, hr: null, candidateReplyTo: null };

export const SCHEDULED: InterviewSnapshot = {
  status: 'scheduled',
  start: new Date('2026-12-10T15:00:00Z'),
  end: new Date('2026-12-10T16:00:00Z'),
  sequence: 0,
  durationMinutes: 60,
  candidatePartstat: 'accepted',
};

export const INVITED: InterviewSnapshot = { status: 'invited', start: null, end: null, sequence: 0, durationMinutes: 60, candidatePartstat: 'needs-action' };

export const OFFERS = [
  { start: new Date('2026-12-14T14:00:00Z'), end: new Date('2026-12-14T15:00:00Z') },
  { start: new Date('2026-12-15T09:15:00Z'), end: new Date('2026-12-15T10:15:00Z') },
];

export function factsFor(change: InterviewChange, overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    change,
    organization: {
      name: 'Acme',
      timezone: 'America/New_York',
      contactPhone: '+15550100',
      contactEmail: 'recruiting@acme.test',
      noticePolicy: { ampleHours: 48, adequateHours: 24 },
    },
    openingTitle: 'Platform Engineer',
    interview: { title: 'Round 2 with CTO', durationMinutes: 60, location: null, videoUrl: 'https://meet.example.com/acme-r2' },
    candidate: { name: 'Jordan Lee', email: 'jordan@example.com', timezone: 'Europe/Berlin' },
    panel: [
      { id: 'm1', name: 'Grace Hopper', timezone: 'America/New_York' },
      { id: 'm2', name: 'Alan Turing', timezone: 'Europe/London' },
    ],
    link: 'https://leeway.example/c/lw_cand_EXAMPLE',
    ...overrides,
  };
}
