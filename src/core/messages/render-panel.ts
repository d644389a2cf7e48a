import type { InterviewChange } from '../decisions/interview-change.ts';
import { reasonPhrase } from '../reasons.ts';
import type { PanelEmailKind, PlannedEmail, SeatEmailKind } from './email-kinds.ts';
import type { MessageFacts, RenderedEmail } from './message-facts.ts';
import { bullets, firstName, letter, note, replyLine, teamName, titled, when, whereLines } from './text.ts';

type Render = (facts: MessageFacts, email: PlannedEmail) => RenderedEmail;

/** "(reason given: a scheduling conflict)" only when a reason was given. */
function givenReason(change: InterviewChange): string {
  return change.reason ? ` (reason given: ${reasonPhrase(change.reason)})` : '';
}

function who(facts: MessageFacts): string {
  return `${facts.candidate.name} (${facts.openingTitle})`;
}

/**
 * The reader's own link to decline their seat: only in the email it was issued for, which only that
 * panelist receives.
 */
function seatLine(email: PlannedEmail): string | null {
  return email.audience === 'panelist' && email.seatLink ? `Can't make it? Decline your seat here: ${email.seatLink}` : null;
}

/** A colleague's name by member id (a seat change's facts list who left the panel too). */
function nameOf(facts: MessageFacts, id: string | null | undefined): string {
  return facts.panel.find((m) => m.id === id)?.name ?? 'A colleague';
}

const panelInvitation: Render = (facts, email) => {
  const at = when(facts.change.after.start!, email.timezone);
  return {
    subject: `Interview: ${facts.candidate.name}, ${facts.openingTitle}, ${at}`,
    text: note(email, [`You are on the panel for ${titled(facts)} with ${who(facts)} on ${at}.`, [...whereLines(facts), 'The attached invitation adds it to your calendar.'], seatLine(email)], facts),
  };
};

const panelMoved: Render = (facts, email) => {
  const { change } = facts;
  const at = when(change.after.start!, email.timezone);
  return {
    subject: `Moved: ${facts.candidate.name}, ${facts.openingTitle}, now ${at}`,
    text: note(
      email,
      [
        `${titled(facts)} with ${who(facts)} has moved from ${when(change.before.start!, email.timezone)} to ${at}.`,
        change.by === 'candidate' ? `${facts.candidate.name} asked for the change${givenReason(change)}.` : 'The recruiting team made the change.',
        'The updated invitation replaces the old one in your calendar.',
        seatLine(email),
      ],
      facts,
    ),
  };
};

const panelTimeWithdrawn: Render = (facts, email) => {
  const { change } = facts;
  return {
    subject: `Being rescheduled: ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        `${facts.candidate.name} asked to move ${titled(facts)} away from ${when(change.before.start!, email.timezone)}${givenReason(change)}.`,
        'That calendar event is withdrawn; you will get a new invitation once they pick a time.',
      ],
      facts,
    ),
  };
};

const panelCancellation: Render = (facts, email) => {
  const { change } = facts;
  const by = change.by === 'candidate' ? 'the candidate' : 'the recruiting team';
  return {
    subject: `Cancelled: ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        facts.via === 'calendar'
          ? `${titled(facts)} with ${who(facts)} on ${when(change.before.start!, email.timezone)} is cancelled: the candidate declined it in their calendar.`
          : `${titled(facts)} with ${who(facts)} on ${when(change.before.start!, email.timezone)} is cancelled by ${by}${givenReason(change)}.`,
        change.notice?.class === 'missed' ? 'The calendar event is cancelled.' : 'The calendar event is cancelled; the time is free again.',
      ],
      facts,
    ),
  };
};

const panelWithdrawal: Render = (facts, email) => {
  const { change } = facts;
  return {
    subject: `Cancelled: ${facts.candidate.name} withdrew (${facts.openingTitle})`,
    text: note(
      email,
      [
        `${facts.candidate.name} has withdrawn from the ${facts.openingTitle} process, so ${titled(facts)} on ${when(change.before.start!, email.timezone)} is cancelled.`,
        'The calendar event is cancelled; the time is free again.',
      ],
      facts,
    ),
  };
};

const seatOffered: Render = (facts, email) => {
  const { change } = facts;
  const at = when(change.after.start!, email.timezone);
  return {
    subject: `Interview: ${facts.candidate.name}, ${facts.openingTitle}, ${at}`,
    text: note(
      email,
      [
        `${nameOf(facts, change.seat?.declined)} can no longer join ${titled(facts)} with ${who(facts)} on ${at}. You are free then, so you have their seat on the panel.`,
        [...whereLines(facts), 'The attached invitation adds it to your calendar.'],
        seatLine(email),
        replyLine(email.canReply),
      ],
      facts,
    ),
  };
};

const panelUpdated: Render = (facts, email) => {
  const { change } = facts;
  const at = when(change.after.start!, email.timezone);
  return {
    subject: `Panel change: ${facts.candidate.name}, ${facts.openingTitle}, ${at}`,
    text: note(
      email,
      [
        `${titled(facts)} with ${who(facts)} stays on ${at}. ${nameOf(facts, change.seat?.replacement)} joins the panel in place of ${nameOf(facts, change.seat?.declined)}.`,
        'The updated invitation replaces the old one in your calendar.',
        seatLine(email),
      ],
      facts,
    ),
  };
};

const seatReleased: Render = (facts, email) => {
  const { change } = facts;
  const at = when(change.before.start!, email.timezone);
  return {
    subject: `Released: ${facts.candidate.name}, ${facts.openingTitle}, ${at}`,
    text: note(
      email,
      [
        `Thank you for letting us know. ${nameOf(facts, change.seat?.replacement)} takes your seat on ${titled(facts)} with ${who(facts)} on ${at}.`,
        'The attached cancellation removes it from your calendar.',
      ],
      facts,
    ),
  };
};

const declineReceived: Render = (facts, email) => {
  const { change } = facts;
  const at = when(change.before.start!, email.timezone);
  return {
    subject: `Received: you can't make ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        `Thank you for letting us know you can't make ${titled(facts)} with ${who(facts)} on ${at}.`,
        'Nobody could take your seat at that time, so the recruiting team will sort it out and tell you what changes. Until then the event stays in your calendar.',
        replyLine(email.canReply),
      ],
      facts,
    ),
  };
};

/** What the candidate hears of a replaced panelist: the new name, and that nothing else changes. */
const panelChangeCandidate: Render = (facts, email) => {
  const { change } = facts;
  const at = when(change.after.start!, email.timezone);
  return {
    subject: `Your ${facts.openingTitle} interview on ${at}: panel update`,
    text: letter(
      `Dear ${firstName(facts.candidate.name)},`,
      [
        `Your ${facts.openingTitle} interview with ${facts.organization.name}, ${titled(facts)}, stays as planned on ${at}.`,
        `${nameOf(facts, change.seat?.replacement)} will be one of your interviewers.`,
        'The attached invitation updates your calendar.',
        replyLine(email.canReply),
      ],
      'We look forward to speaking with you,',
      teamName(facts),
    ),
  };
};

const HANDED_OVER_BECAUSE: Record<NonNullable<NonNullable<InterviewChange['seat']>['handedOver']>, string> = {
  too_close: 'No colleague who may stand in is free then, and it is too close to the start to propose another time.',
  too_many_replacements: 'Its panel has already changed three times, so this change is yours to make.',
  no_stand_in: 'No colleague outside this panel shares an interview pool with them (or each who does has declined that time too), so nobody may stand in.',
  no_time: 'No colleague who may stand in is free at that time, and no other time in the next two weeks suits a full panel and the candidate.',
};

/** The decliner's own words for the recruiting team, as they wrote them; nothing when they wrote none. */
function declineNote(decliner: string, note: string | null): string | null {
  return note ? `${decliner} wrote: “${note}”` : null;
}

const coordinatorSeatHandover: Render = (facts, email) => {
  const { change } = facts;
  const seat = change.seat!;
  const decliner = nameOf(facts, seat.declined);
  return {
    subject: `Panel seat to fill: ${facts.candidate.name}, ${facts.openingTitle}, ${when(change.before.start!, email.timezone)}`,
    text: note(
      email,
      [
        `${decliner} can't make ${titled(facts)} with ${who(facts)} on ${when(change.before.start!, email.timezone)}.`,
        declineNote(decliner, seat.note),
        seat.handedOver ? HANDED_OVER_BECAUSE[seat.handedOver] : null,
        `Please find someone for the seat or move the interview. Nothing has been changed: the candidate has not been told, and ${decliner} still holds the event.`,
        replyLine(email.canReply, `Reply to this email to write to ${decliner}.`),
      ],
      facts,
    ),
  };
};

const coordinatorSeatProposals: Render = (facts, email) => {
  const { change } = facts;
  const seat = change.seat!;
  const decliner = nameOf(facts, seat.declined);
  const times = bullets(
    seat.proposals.map((p) => p.start),
    email.timezone,
  ).map((line, i) => `${line}, with ${nameOf(facts, seat.proposals[i]!.standIn)} in the seat`);
  return {
    subject: `Panel seat to fill: ${facts.candidate.name}, ${facts.openingTitle}, ${when(change.before.start!, email.timezone)}`,
    text: note(
      email,
      [
        `${decliner} can't make ${titled(facts)} with ${who(facts)} on ${when(change.before.start!, email.timezone)}, and no colleague who may stand in is free then.`,
        declineNote(decliner, seat.note),
        ['The rest of the panel, a stand-in and the candidate are all free at these times, without moving any other interview:', ...times],
        `Nothing has been changed: the candidate has not been told, and ${decliner} still holds the event. Reply to this email to write to the candidate about one of these times.`,
        replyLine(email.canReply, `Reply to this email to write to ${decliner}.`),
      ],
      facts,
    ),
  };
};

export const SEAT_RENDERERS: Record<SeatEmailKind, Render> = {
  panel_seat_offered: seatOffered,
  panel_seat_released: seatReleased,
  panel_updated: panelUpdated,
  panel_decline_received: declineReceived,
  panel_change_candidate: panelChangeCandidate,
  coordinator_seat_proposals: coordinatorSeatProposals,
  coordinator_seat_handover: coordinatorSeatHandover,
};

export const PANEL_RENDERERS: Record<PanelEmailKind | SeatEmailKind, Render> = {
  ...SEAT_RENDERERS,
  panel_invitation: panelInvitation,
  panel_moved: panelMoved,
  panel_time_withdrawn: panelTimeWithdrawn,
  panel_cancellation: panelCancellation,
  panel_withdrawal: panelWithdrawal,
};
