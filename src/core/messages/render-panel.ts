import type { InterviewChange } from '../decisions/interview-change.ts';
import { reasonPhrase } from '../reasons.ts';
import type { PanelEmailKind, PlannedEmail } from './email-kinds.ts';
import type { MessageFacts, RenderedEmail } from './message-facts.ts';
import { note, titled, when, whereLines } from './text.ts';

type Render = (facts: MessageFacts, email: PlannedEmail) => RenderedEmail;

/** "(reason given: a scheduling conflict)" only when a reason was given. */
function givenReason(change: InterviewChange): string {
  return change.reason ? ` (reason given: ${reasonPhrase(change.reason)})` : '';
}

function who(facts: MessageFacts): string {
  return `${facts.candidate.name} (${facts.openingTitle})`;
}

const panelInvitation: Render = (facts, email) => {
  const at = when(facts.change.after.start!, email.timezone);
  return {
    subject: `Interview: ${facts.candidate.name}, ${facts.openingTitle}, ${at}`,
    text: note(email, [`You are on the panel for ${titled(facts)} with ${who(facts)} on ${at}.`, [...whereLines(facts), 'The attached invitation adds it to your calendar.']], facts),
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
        `${titled(facts)} with ${who(facts)} on ${when(change.before.start!, email.timezone)} is cancelled by ${by}${givenReason(change)}.`,
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

export const PANEL_RENDERERS: Record<PanelEmailKind, Render> = {
  panel_invitation: panelInvitation,
  panel_moved: panelMoved,
  panel_time_withdrawn: panelTimeWithdrawn,
  panel_cancellation: panelCancellation,
  panel_withdrawal: panelWithdrawal,
};
