import type { InterviewChange } from '../decisions/interview-change.ts';
import { hadEvent } from '../decisions/interview-change.ts';
import { concernLabel } from '../concerns.ts';
import { describeSpan } from '../notice-policy.ts';
import { reasonPhrase } from '../reasons.ts';
import type { CoordinatorEmailKind, PlannedEmail } from './email-kinds.ts';
import type { MessageFacts, RenderedEmail } from './message-facts.ts';
import { bullets, note, titled, when } from './text.ts';
import type { Block } from './text.ts';

type Render = (facts: MessageFacts, email: PlannedEmail) => RenderedEmail;

function reasonLine(change: InterviewChange): string | null {
  return change.reason ? `Reason given: ${reasonPhrase(change.reason)}.` : 'No reason was given.';
}

function theirWords(change: InterviewChange, label = 'Their message:'): Block {
  return change.words ? [label, '', change.words] : null;
}

const REPLY = 'Reply to this email to write to them.';

const coordinatorCancellation: Render = (facts, email) => {
  const { change } = facts;
  const start = change.before.start!;
  const notice = change.notice;
  return {
    subject: `${facts.via === 'calendar' ? "Declined in the candidate's calendar" : 'Cancelled by the candidate'}: ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        facts.via === 'calendar'
          ? `${facts.candidate.name} declined ${titled(facts)} (${facts.openingTitle}) planned for ${when(start, email.timezone)} in their calendar, so it is cancelled.`
          : `${facts.candidate.name} cancelled ${titled(facts)} (${facts.openingTitle}) planned for ${when(start, email.timezone)}.`,
        [
          // A calendar's "Decline" has no reason to choose: say where it came from instead of a reason nobody chose,
          // and whether they wrote anything (their note, if any, follows in their own words).
          facts.via === 'calendar'
            ? `This came from their calendar: it answered the invitation with "declined"${change.words ? ', with the note below' : ', with no note'}.`
            : reasonLine(change),
          notice ? `Notice: ${notice.class} (${notice.class === 'missed' ? 'after the start' : `${describeSpan(start.getTime() - change.at.getTime())} before the start`}).` : null,
          change.calledAhead ? 'They said they had already phoned.' : null,
        ].filter((l): l is string => l !== null),
        theirWords(change, facts.via === 'calendar' ? 'Their note in the calendar reply:' : 'Their message:'),
        'Every panelist has the cancellation; the time is free again.',
        REPLY,
      ],
      facts,
    ),
  };
};

const coordinatorNewTimes: Render = (facts, email) => {
  const { change } = facts;
  const offered = change.offered.map((slot) => slot.start);
  return {
    subject: `Other times requested: ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        `${facts.candidate.name} asked for other times for ${titled(facts)} (${facts.openingTitle})${hadEvent(change) ? `, instead of ${when(change.before.start!, email.timezone)}` : ''}.`,
        change.reason ? `Reason given: ${reasonPhrase(change.reason)}.` : null,
        change.noteForRecruiter ? ['Their note for you:', '', change.noteForRecruiter] : null,
        offered.length > 0
          ? [`They were offered ${offered.length === 1 ? 'this time' : `these ${offered.length} times`}:`, ...bullets(offered, email.timezone)]
          : 'No time in the next two weeks suits both the panel and their hours: please find one with them.',
        REPLY,
      ],
      facts,
    ),
  };
};

const coordinatorDecline: Render = (facts, email) => {
  const { change } = facts;
  return {
    subject: `Declined: ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        `${facts.candidate.name} declined the invitation to ${titled(facts)} (${facts.openingTitle}).`,
        [
          reasonLine(change),
          change.keepInTouch ? 'They would like to hear about future roles.' : null,
          change.referral ? `They referred ${change.referral.name} <${change.referral.email}>.` : null,
        ].filter((l): l is string => l !== null),
        theirWords(change),
        REPLY,
      ],
      facts,
    ),
  };
};

const coordinatorWithdrawal: Render = (facts, email) => {
  const { change } = facts;
  const ended = [
    { title: facts.interview.title, start: hadEvent(change) ? change.before.start : null },
    ...change.alsoEnded,
  ].map((e) => `  • ${e.title}${e.start ? `, ${when(e.start, email.timezone)}` : ' (no time set yet)'}`);
  return {
    subject: `Withdrew from the process: ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        `${facts.candidate.name} withdrew from the ${facts.openingTitle} process.`,
        reasonLine(change),
        ['These interviews are cancelled, and every panelist who had one in their calendar has the cancellation:', ...ended],
        theirWords(change),
        REPLY,
      ],
      facts,
    ),
  };
};

const coordinatorNoShow: Render = (facts, email) => {
  const { change } = facts;
  const absent = change.absent?.party === 'interviewer' ? facts.panel.find((m) => m.id === (change.absent as { memberId: string }).memberId) : undefined;
  const offered = change.offered.length;
  return {
    subject: `Interviewer did not join: ${facts.candidate.name}, ${facts.openingTitle}`,
    text: note(
      email,
      [
        `${absent ? absent.name : 'A panelist'} did not join ${titled(facts)} with ${facts.candidate.name} (${facts.openingTitle}) on ${when(change.before.start!, email.timezone)}.`,
        offered > 0
          ? `${facts.candidate.name} has had an apology and ${offered === 1 ? 'one new time' : `${offered} new times`} to choose from.`
          : `${facts.candidate.name} has had an apology; no time in the next two weeks suits the panel and their hours, so please find one with them.`,
        REPLY,
      ],
      facts,
    ),
  };
};

const concern: Render = (facts, email) => {
  const { change } = facts;
  const start = change.before.start;
  return {
    subject: `Confidential: a candidate raised a concern (${concernLabel(change.concern!.category).toLowerCase()})`,
    text: note(
      email,
      [
        `${facts.candidate.name} <${facts.candidate.email}>, a candidate for ${facts.openingTitle}, raised a concern about ${titled(facts)}${start ? ` on ${when(start, email.timezone)}` : ''}.`,
        `About: ${concernLabel(change.concern!.category)}`,
        change.concern!.details,
        'This report is confidential: it is not shared with the panel. Reply to this email to write to the candidate.',
      ],
      facts,
    ),
  };
};

export const STAFF_RENDERERS: Record<CoordinatorEmailKind, Render> = {
  coordinator_cancellation: coordinatorCancellation,
  coordinator_new_times: coordinatorNewTimes,
  coordinator_decline: coordinatorDecline,
  coordinator_withdrawal: coordinatorWithdrawal,
  coordinator_no_show: coordinatorNoShow,
  concern,
};
