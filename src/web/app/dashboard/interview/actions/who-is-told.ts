/**
 * Who an employer action tells, and what they get, said before the recruiter confirms. A move, a
 * cancellation and a no-show are told by the server's own plan (reschedule options and the action
 * previews). A declined seat's emails depend on whether a stand-in is found, which only the decline
 * itself finds out: its two possible outcomes are said from the server's email plan
 * (src/core/messages/plan-emails.ts, which the web app may not import). After any action the page
 * lists the emails actually written.
 */
import type { Interview, ToldRecipient } from '../../../api/interview-types.ts';
import { emailKindLabel, ROLE_LABELS } from '../../shared/vocabulary.ts';

export interface Told {
  who: string;
  gets: string;
}

/** The panelists who hold the time now (a declined seat still holds the event until it is settled). */
function panelNames(interview: Interview): string[] {
  const seats = interview.seats?.filter((s) => s.status !== 'replaced') ?? interview.panelMembers ?? [];
  return seats.map((s) => s.name);
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
    gets: `${emailKindLabel(r.kind)}${r.calendar === 'REQUEST' ? ', with a calendar invitation (REQUEST)' : r.calendar === 'CANCEL' ? ', with a calendar cancellation (CANCEL)' : ''}${
      r.newTimes && r.newTimes.length > 0 ? `, and ${r.newTimes.length === 1 ? 'a new time' : `${r.newTimes.length} new times`} to choose from with a booking link` : ''
    }`,
  }));
}
