/**
 * Who an employer action tells, and what they get, said before the recruiter confirms. A move is told
 * by the server's own plan (reschedule options); for the other actions, which have no preview endpoint,
 * this follows the server's email plan (src/core/messages/plan-emails.ts, which the web app may not
 * import) and names the people from the interview itself. After any action the page lists the emails
 * actually written.
 */
import type { Interview, ToldRecipient } from '../../../api/interview-types.ts';
import { emailKindLabel, ROLE_LABELS } from '../../shared/vocabulary.ts';

export interface Told {
  who: string;
  gets: string;
}

function candidateName(interview: Interview): string {
  return interview.candidate ? `${interview.candidate.name} (the candidate)` : 'The candidate';
}

/** The panelists who hold the time now (a declined seat still holds the event until it is settled). */
function panelNames(interview: Interview): string[] {
  const seats = interview.seats?.filter((s) => s.status !== 'replaced') ?? interview.panelMembers ?? [];
  return seats.map((s) => s.name);
}

function holdsTime(interview: Interview): boolean {
  return interview.status === 'scheduled' && interview.start !== null;
}

export function toldOnCancel(interview: Interview, reason: string): Told[] {
  if (!holdsTime(interview)) return [{ who: candidateName(interview), gets: 'an email saying the invitation is withdrawn' }];
  const endsOpening = reason === 'position_filled' || reason === 'position_closed';
  return [
    {
      who: candidateName(interview),
      gets: endsOpening
        ? 'an apology with the reason, and a calendar cancellation'
        : 'an apology with the reason and a calendar cancellation, with new times to pick from when the panel has any',
    },
    ...panelNames(interview).map((name) => ({ who: name, gets: 'an email and a calendar cancellation' })),
  ];
}

export function toldOnNoShow(interview: Interview, party: 'candidate' | 'interviewer'): Told[] {
  if (party === 'candidate') return [{ who: candidateName(interview), gets: 'a kind follow-up email' }];
  return [
    { who: candidateName(interview), gets: 'an apology, with new times to pick from when the panel has any' },
    { who: 'The recruiting team’s contact', gets: 'an email about the missed interview' },
  ];
}

export function toldOnSeatDecline(interview: Interview, memberName: string): Told[] {
  const others = panelNames(interview).filter((name) => name !== memberName);
  return [
    {
      who: 'If a colleague from the same pool is free then',
      gets: `they are invited to the seat; ${memberName} gets a calendar cancellation; ${others.length > 0 ? `${others.join(', ')} and ` : ''}the candidate get the updated event`,
    },
    {
      who: 'Otherwise',
      gets: `${memberName} gets an acknowledgement and the recruiting team gets other times or the seat to settle; nothing moves and the candidate hears nothing`,
    },
  ];
}

/** The server's planned emails, as the confirmation lists them. */
export function toldFromPlan(plan: ToldRecipient[]): Told[] {
  return plan.map((r) => ({
    who: `${r.name} (${ROLE_LABELS[r.role]}, ${r.address})`,
    gets: `${emailKindLabel(r.kind)}${r.calendar === 'REQUEST' ? ', with a calendar invitation (REQUEST)' : r.calendar === 'CANCEL' ? ', with a calendar cancellation (CANCEL)' : ''}`,
  }));
}
