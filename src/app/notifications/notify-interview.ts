import { candidateAnswerIn } from '../../core/decisions/interview-change.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import { carriesSeatLink, planEmails, renderEmail } from '../../core/messages/index.ts';
import type { MessageFacts, PlannedEmail, Recipients } from '../../core/messages/index.ts';
import type { Member } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import type { InterviewParties } from '../interviews/parties.ts';
import { newSeatToken, seatLinkUrl } from '../panel/seat-token.ts';
import type { SeatTokenRow } from '../panel/seat-token.ts';
import { buildCalendarFor } from './calendar.ts';
import { enqueueEmails } from './enqueue-email.ts';
import type { EmailToQueue } from './enqueue-email.ts';

export interface NotifyOptions {
  /** The candidate's fresh link, for the candidate's own emails only. */
  link?: string | null;
  /** For a withdrawal of several interviews: false for all but the linked one. */
  primary?: boolean;
  /** The recruiter who made the change, when known: they answer the candidate's reply. */
  actingMember?: Member | null;
  /** Panelists who left the panel with this change (a declined seat a stand-in took). */
  former?: Member[];
  /** Other colleagues the decision names (the stand-ins of proposed times), for the renderers. */
  named?: Member[];
  /** Where the change came from, when an attendee's calendar replied: the emails say so. */
  via?: 'calendar';
  /** For a reminder (see `decideReminder`): the time it stands for, and when to leave. */
  reminder?: MessageFacts['reminder'];
}

function mailbox(member: Member) {
  return { name: member.name, address: member.email, timezone: member.timezone };
}

/** Who hears about what: built from the organization's contacts and the people of the interview. */
export function recipientsOf(parties: InterviewParties, ctx: AppContext, actingMember: Member | null = null): Recipients {
  const { organization, candidate, panel, staff } = parties;
  const contact = organization.contactEmail
    ? { name: `${organization.name} recruiting`, address: organization.contactEmail, timezone: organization.timezone }
    : null;
  const coordinator = contact ?? (staff[0] ? mailbox(staff[0]) : null);
  const hr = organization.hrContactEmail
    ? { name: `${organization.name} HR`, address: organization.hrContactEmail, timezone: organization.timezone }
    : coordinator;
  const answerer = actingMember ? mailbox(actingMember) : coordinator;
  return {
    candidate: { name: candidate.name, address: candidate.email, timezone: candidate.timezone },
    panel: panel.map((member) => ({ id: member.id, ...mailbox(member) })),
    coordinator,
    hr,
    candidateReplyTo: answerer ? { name: answerer.name, address: answerer.address } : null,
    sender: { name: organization.name, address: ctx.config.mailFrom.address },
  };
}

/**
 * What the renderers may say. For a seat change the panel lists, after the members of the panel, the
 * colleagues the decision names: who left it, and the stand-ins of proposed times.
 */
export function factsOf(parties: InterviewParties, change: InterviewChange, link: string | null, former: Member[] = []): MessageFacts {
  const { organization, opening, candidate, interview } = parties;
  const panel = [...parties.panel, ...former];
  return {
    change,
    organization: {
      name: organization.name,
      timezone: organization.timezone,
      contactPhone: organization.contactPhone,
      contactEmail: organization.contactEmail,
      noticePolicy: organization.noticePolicy,
    },
    openingTitle: opening.title,
    interview: { title: interview.title, durationMinutes: interview.durationMinutes, location: interview.location, videoUrl: interview.videoUrl },
    candidate: { name: candidate.name, email: candidate.email, timezone: candidate.timezone },
    panel: panel.map((member) => ({ id: member.id, name: member.name, timezone: member.timezone })),
    link,
  };
}

/** The calendar part of a planned email: a REQUEST for the new time, a CANCEL for the withdrawn one. */
function calendarFor(ctx: AppContext, parties: InterviewParties, change: InterviewChange, email: PlannedEmail, link: string | null, former: Member[]) {
  if (!email.calendar) return undefined;
  const state = email.calendar === 'REQUEST' ? change.after : change.before;
  if (!state.start || !state.end) return undefined;
  const event = { start: state.start, end: state.end, sequence: change.after.sequence };
  // The candidate's link is theirs alone: it goes in their copy of the invitation, never the panel's.
  const links = email.audience === 'candidate' && link && email.calendar === 'REQUEST' ? { candidate: link } : {};
  // A panelist released from a seat gets the CANCEL of their own attendance: the event as it was for them.
  const released = email.calendar === 'CANCEL' && change.kind === 'panel_replaced' ? former.filter((m) => m.id === email.memberId) : [];
  const forWhom = released.length > 0 ? { ...parties, panel: released } : parties;
  const ics = buildCalendarFor(forWhom, email.calendar, event, ctx.config, change.at, links, { candidate: candidateAnswerIn(change, email.calendar) });
  return { method: email.calendar, ics, sequence: event.sequence };
}

async function enqueuePlanned(
  ctx: AppContext,
  store: Store,
  parties: InterviewParties,
  change: InterviewChange,
  planned: Array<{ email: PlannedEmail; facts: MessageFacts }>,
  former: Member[] = [],
): Promise<string[]> {
  const seatRows: SeatTokenRow[] = [];
  const emails: EmailToQueue[] = [];
  for (const { email: plannedEmail, facts } of planned) {
    // Each panelist's invitation carries their own fresh link to decline the seat, and no one else's.
    let email = plannedEmail;
    if (carriesSeatLink(email)) {
      const seat = newSeatToken({ id: parties.interview.id, organizationId: parties.organization.id, start: change.after.start }, email.memberId!);
      if (seat) {
        seatRows.push(seat.row);
        email = { ...email, seatLink: seatLinkUrl(ctx, seat.token) };
      }
    }
    const rendered = renderEmail(facts, email);
    const calendar = calendarFor(ctx, parties, change, email, facts.link, former);
    emails.push({
      kind: email.kind,
      to: email.to,
      replyTo: email.replyTo,
      subject: rendered.subject,
      text: rendered.text,
      ...(calendar ? { calendar } : {}),
    });
  }
  // One statement per table, whatever the size of the panel.
  const at = ctx.clock();
  await store.panelTokens.createMany(seatRows, at);
  return enqueueEmails(
    store,
    { organizationId: parties.organization.id, organizationName: parties.organization.name, interviewId: parties.interview.id, config: ctx.config, secrets: ctx.secrets, at },
    emails,
  );
}

/**
 * Writes every email a decision sends into the outbox, in the caller's transaction (inside one, with the
 * change's history line), and returns their Message-IDs (recorded in the history as what was said). Plans
 * and texts come from the core.
 */
export async function notifyChange(
  ctx: AppContext,
  store: Store,
  parties: InterviewParties,
  change: InterviewChange,
  options: NotifyOptions = {},
): Promise<string[]> {
  const link = options.link ?? null;
  const former = options.former ?? [];
  const recipients = { ...recipientsOf(parties, ctx, options.actingMember ?? null), former: former.map((member) => ({ id: member.id, ...mailbox(member) })) };
  const planned = planEmails(change, recipients, { primary: options.primary ?? true });
  const facts = factsOf(parties, change, link, [...former, ...(options.named ?? [])]);
  const said = { ...facts, ...(options.via ? { via: options.via } : {}), ...(options.reminder ? { reminder: options.reminder } : {}) };
  const items = planned.map((email) => ({ email, facts: said }));
  // The rows go to the database with the change's history line (see `Store.holdingMessageWrites`).
  return store.holdingMessageWrites(() => enqueuePlanned(ctx, store, parties, change, items, former));
}

/**
 * Drops the reminders of an interview still waiting to go out (written when due, but held back by a mail
 * server that refused them), when its time is cancelled or moved: a reminder must never outlive the time it
 * reminds of. The change's own statement does it instead where there is one (see `writeChange`).
 */
export async function cancelReminders(store: Store, parties: InterviewParties, at: Date): Promise<void> {
  await store.outbox.cancelPending(parties.organization.id, parties.interview.id, 'reminder', at);
}
