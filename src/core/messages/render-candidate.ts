import type { InterviewChange } from '../decisions/interview-change.ts';
import { hadEvent } from '../decisions/interview-change.ts';
import { formatClock, formatDay } from '../format-time.ts';
import { describeSpan } from '../notice-policy.ts';
import { endsOpening, isEmergencyReason, leavesProcess, reasonStatement } from '../reasons.ts';
import type { CandidateEmailKind, PlannedEmail } from './email-kinds.ts';
import type { MessageFacts, RenderedEmail } from './message-facts.ts';
import { SOONER_IS_KINDER, actionsLine, bullets, firstName, letter, replyLine, teamName, titled, when, whereLines } from './text.ts';
import type { Block } from './text.ts';

type Render = (facts: MessageFacts, email: PlannedEmail) => RenderedEmail;

function dear(facts: MessageFacts): string {
  return `Dear ${firstName(facts.candidate.name)},`;
}

/** The time the change is about: the new one for a booking or move, the old one otherwise. */
function oldStart(change: InterviewChange): Date {
  return change.before.start!;
}
function newStart(change: InterviewChange): Date {
  return change.after.start!;
}

/** The same moment in the team's zone, when it differs from the reader's. */
function teamZoneLine(facts: MessageFacts, instant: Date, readerZone: string): string | null {
  const team = when(instant, facts.organization.timezone);
  return team === when(instant, readerZone) ? null : `For ${facts.organization.name}, that is ${team}.`;
}

/** An employer's reason, stated only when one was given and it says something ("other" does not). */
function employerBecause(change: InterviewChange): string | null {
  const statement = reasonStatement(change.reason);
  return statement ? `This is because ${statement}.` : null;
}

/** The words the employer chose to add, after the greeting and the news, never before the greeting. */
function employerWords(change: InterviewChange): Block {
  return change.words ? change.words : null;
}

const invitation: Render = (facts, email) => {
  const { change } = facts;
  return {
    subject: `Choose a time for your ${facts.openingTitle} interview with ${facts.organization.name}`,
    text: letter(
      dear(facts),
      [
        `Thank you for your interest in the ${facts.openingTitle} role at ${facts.organization.name}. We would like to invite you to a ${facts.interview.durationMinutes}-minute interview, ${titled(facts)}.`,
        ['These times suit the whole panel:', ...bullets(change.offered.map((slot) => slot.start), email.timezone)],
        [
          `Choose the one that suits you: ${facts.link}`,
          'None of them work? The same page lets you ask for other times, or decline if the role is no longer for you.',
        ],
        replyLine(email.canReply),
      ],
      'With thanks,',
      teamName(facts),
    ),
  };
};

function bookedBlocks(facts: MessageFacts, email: PlannedEmail): Block[] {
  const { change } = facts;
  return [
    teamZoneLine(facts, newStart(change), email.timezone),
    [...whereLines(facts), change.kind === 'moved' ? 'The attached invitation updates your calendar.' : 'The attached invitation adds it to your calendar.'],
    [actionsLine(change.after, change.at, facts.link), SOONER_IS_KINDER].filter((l): l is string => l !== null),
    replyLine(email.canReply),
  ];
}

const confirmation: Render = (facts, email) => {
  const { change } = facts;
  const at = when(newStart(change), email.timezone);
  return {
    subject: `Confirmed: ${facts.openingTitle} interview on ${at}`,
    text: letter(
      dear(facts),
      [
        change.by === 'candidate'
          ? `Thank you for choosing a time. Your ${facts.openingTitle} interview with ${facts.organization.name}, ${titled(facts)}, is confirmed for ${at}.`
          : `Thank you for your interest in the ${facts.openingTitle} role. Your interview with ${facts.organization.name}, ${titled(facts)}, is scheduled for ${at}.`,
        ...bookedBlocks(facts, email),
      ],
      'We look forward to speaking with you,',
      teamName(facts),
    ),
  };
};

const movedByCandidate: Render = (facts, email) => {
  const { change } = facts;
  const at = when(newStart(change), email.timezone);
  return {
    subject: `Moved: ${facts.openingTitle} interview, now on ${at}`,
    text: letter(
      dear(facts),
      [
        `Thank you for letting us know. Your ${facts.openingTitle} interview is now on ${at}, instead of ${when(oldStart(change), email.timezone)}, and the panel has the new time.`,
        ...bookedBlocks(facts, email),
      ],
      'We look forward to speaking with you,',
      teamName(facts),
    ),
  };
};

const movedByEmployer: Render = (facts, email) => {
  const { change } = facts;
  const at = when(newStart(change), email.timezone);
  return {
    subject: `New time for your ${facts.openingTitle} interview: ${at}`,
    text: letter(
      dear(facts),
      [
        [
          `We are sorry to have had to change the time of your ${facts.openingTitle} interview with ${facts.organization.name}. It is now on ${at}, instead of ${when(oldStart(change), email.timezone)}.`,
          employerBecause(change),
        ].filter((l): l is string => l !== null).join(' '),
        teamZoneLine(facts, newStart(change), email.timezone),
        shortNotice(facts, newStart(change)) ? 'We know the new time is at short notice, and we apologise for that too.' : null,
        employerWords(change),
        facts.link ? `If the new time does not suit you, you can move it to another time the panel is free through your link: ${facts.link}` : null,
        [...whereLines(facts), 'The attached invitation updates your calendar.'],
        ['Thank you for your understanding.', replyLine(email.canReply)].filter((l): l is string => l !== null).join(' '),
      ],
      'With apologies and thanks,',
      teamName(facts),
    ),
  };
};

/** Whether a time is closer than the notice the organization itself asks for. */
function shortNotice(facts: MessageFacts, instant: Date): boolean {
  return instant.getTime() - facts.change.at.getTime() < facts.organization.noticePolicy.adequateHours * 3_600_000;
}

const newTimes: Render = (facts, email) => {
  const { change } = facts;
  const held = hadEvent(change);
  const offered = change.offered.map((slot) => slot.start);
  return {
    subject: `New times for your ${facts.openingTitle} interview`,
    text: letter(
      dear(facts),
      [
        held
          ? `Thank you for telling us that ${when(oldStart(change), email.timezone)} no longer works for you. We have taken that time out of the calendars; the attached cancellation removes it from yours.`
          : 'Thank you for telling us that the times we offered do not suit you.',
        offered.length > 0
          ? ['The panel is free at these times:', ...bullets(offered, email.timezone), '', `Choose one here: ${facts.link}`]
          : `None of the panel's free times in the next two weeks fit your hours.${email.canReply ? ' Reply to this email with times that would suit you, and we will look for one.' : ''}`,
        change.noteForRecruiter && email.canReply ? 'We have passed your note on to the recruiting team.' : null,
      ],
      'With thanks,',
      teamName(facts),
    ),
  };
};

const cancellationConfirmation: Render = (facts, email) => {
  const { change } = facts;
  const at = when(oldStart(change), email.timezone);
  const phone = facts.organization.contactPhone;
  const late = change.notice?.class === 'late' && phone && !change.calledAhead;
  return {
    subject: `Cancelled: ${facts.openingTitle} interview on ${at}`,
    text: letter(
      dear(facts),
      [
        facts.via === 'calendar'
          ? `Thank you for letting us know. You declined your ${facts.openingTitle} interview on ${at} in your calendar, so it is cancelled, and we have told the panel. The attached cancellation removes it from your calendar.`
          : `Thank you for letting us know. Your ${facts.openingTitle} interview on ${at} is cancelled, and we have told the panel. The attached cancellation removes it from your calendar.`,
        isEmergencyReason(change.reason) ? 'We are sorry to hear about the emergency, and we hope everything is all right.' : null,
        late ? `As it was only ${describeSpan(oldStart(change).getTime() - change.at.getTime())} away, a quick call to ${phone} would be appreciated if you have not called already.` : null,
        !leavesProcess(change.reason) ? replyLine(email.canReply, 'If you would like to find another time later, reply to this email.') : null,
      ],
      'Best wishes,',
      teamName(facts),
    ),
  };
};

const invitationWithdrawn: Render = (facts, email) => {
  const { change } = facts;
  return {
    subject: `Your invitation to interview for ${facts.openingTitle}`,
    text: letter(
      dear(facts),
      [
        `Thank you for your interest in the ${facts.openingTitle} role at ${facts.organization.name}. We are sorry to tell you that we have withdrawn our invitation to interview, so the times we offered no longer stand.`,
        employerBecause(change),
        employerWords(change),
        endsOpening(change.reason)
          ? 'We are grateful for the time you gave to the process, and we would be glad to hear from you about future roles.'
          : ['We apologise for the inconvenience.', replyLine(email.canReply)].filter((l): l is string => l !== null).join(' '),
      ],
      'With apologies,',
      teamName(facts),
    ),
  };
};

const employerCancellation: Render = (facts, email) => {
  const { change } = facts;
  const at = when(oldStart(change), email.timezone);
  const short = change.notice?.class === 'late' || change.notice?.class === 'missed';
  return {
    subject: `Cancelled: your ${facts.openingTitle} interview on ${at}`,
    text: letter(
      dear(facts),
      [
        [`We are sorry to tell you that we have had to cancel your ${facts.openingTitle} interview with ${facts.organization.name} on ${at}.`, employerBecause(change)]
          .filter((l): l is string => l !== null)
          .join(' '),
        short ? 'We know this comes at short notice, and we apologise for it.' : null,
        employerWords(change),
        'The attached cancellation removes it from your calendar.',
        change.offered.length > 0
          ? ['We would like to find another time with you. The panel is free at these times:', ...bullets(change.offered.map((slot) => slot.start), email.timezone), '', `Choose one here: ${facts.link}`]
          : null,
        change.offered.length > 0
          ? 'Thank you for your understanding.'
          : endsOpening(change.reason)
          ? 'Thank you for the time you have given to this process; we would be glad to hear from you about future roles.'
          : ['Thank you for your understanding.', replyLine(email.canReply, 'If you would like to find another time, reply to this email.')].filter((l): l is string => l !== null).join(' '),
      ],
      'With apologies,',
      teamName(facts),
    ),
  };
};

function endedLines(change: InterviewChange, zone: string): string[] {
  return change.alsoEnded.map((ended) => `  • ${ended.title}${ended.start ? `, ${when(ended.start, zone)}` : ' (no time set yet)'}`);
}

const withdrawalConfirmation: Render = (facts, email) => {
  const { change } = facts;
  const others = endedLines(change, email.timezone);
  return {
    subject: `You have withdrawn from the ${facts.openingTitle} process`,
    text: letter(
      dear(facts),
      [
        `Thank you for letting us know that you are withdrawing from the ${facts.openingTitle} process at ${facts.organization.name}.`,
        hadEvent(change)
          ? `Your interview on ${when(oldStart(change), email.timezone)} is cancelled and the panel has been told; the attached cancellation removes it from your calendar.`
          : 'Your invitation to interview is closed.',
        others.length > 0 ? ['Your other interviews for this role are cancelled too:', ...others] : null,
        'We wish you every success.',
      ],
      'Best wishes,',
      teamName(facts),
    ),
  };
};

const withdrawalCalendarUpdate: Render = (facts, email) => {
  const { change } = facts;
  const at = when(oldStart(change), email.timezone);
  return {
    subject: `Cancelled: ${facts.openingTitle} interview on ${at}`,
    text: letter(
      dear(facts),
      [`As you have withdrawn from the ${facts.openingTitle} process, your interview ${titled(facts)} on ${at} is cancelled too. The attached cancellation removes it from your calendar.`],
      'Best wishes,',
      teamName(facts),
    ),
  };
};

const declineConfirmation: Render = (facts, email) => {
  const { change } = facts;
  const passedOn = email.canReply;
  return {
    subject: `Thank you for letting us know: ${facts.openingTitle}`,
    text: letter(
      dear(facts),
      [
        `Thank you for letting us know that you will not be interviewing for the ${facts.openingTitle} role at ${facts.organization.name}. We have closed the invitation.`,
        change.keepInTouch && passedOn ? 'We have passed on that you would like to hear about future roles.' : null,
        change.referral && passedOn ? `Thank you for referring ${change.referral.name}; we have passed their details to the recruiting team.` : null,
        'We wish you every success.',
      ],
      'Best wishes,',
      teamName(facts),
    ),
  };
};

const interviewerNoShowApology: Render = (facts, email) => {
  const { change } = facts;
  const offered = change.offered.map((slot) => slot.start);
  return {
    subject: `We are sorry: your ${facts.openingTitle} interview on ${when(oldStart(change), email.timezone)}`,
    text: letter(
      dear(facts),
      [
        `Thank you for making the time for your ${facts.openingTitle} interview on ${when(oldStart(change), email.timezone)}. We are sorry that our interviewer did not join: that was our failure, not yours.`,
        offered.length > 0
          ? ['We would like to make it up to you. The panel is free at these times:', ...bullets(offered, email.timezone), '', `Choose one here: ${facts.link}`]
          : email.canReply
            ? 'No time in the next two weeks suits the panel and your hours yet; reply to this email with times that would suit you, and we will find one.'
            : 'No time in the next two weeks suits the panel and your hours yet.',
      ],
      'With our apologies,',
      teamName(facts),
    ),
  };
};

const noShowFollowup: Render = (facts, email) => {
  const { change } = facts;
  return {
    subject: `We missed you at your ${facts.openingTitle} interview`,
    text: letter(
      dear(facts),
      [
        `Thank you for your interest in the ${facts.openingTitle} role at ${facts.organization.name}. We were sorry not to see you at your interview on ${when(oldStart(change), email.timezone)}, and we hope everything is all right.`,
        replyLine(email.canReply, 'If something came up, reply to this email and let us know whether you would still like to interview.'),
      ],
      'Best wishes,',
      teamName(facts),
    ),
  };
};

const reminder: Render = (facts, email) => {
  const start = facts.change.after.start!;
  const at = when(start, email.timezone);
  const leaveBy = facts.reminder?.leaveBy ?? null;
  const leaveDay = leaveBy && formatDay(leaveBy, email.timezone) !== formatDay(start, email.timezone) ? ` on ${formatDay(leaveBy, email.timezone)}` : '';
  const video = facts.interview.videoUrl !== null;
  return {
    subject: `Reminder: your ${facts.openingTitle} interview on ${at}`,
    text: letter(
      dear(facts),
      [
        `This is a reminder of your ${facts.openingTitle} interview with ${facts.organization.name}, ${titled(facts)}, on ${at}.`,
        [...whereLines(facts), ...(leaveBy ? [`Leave by ${formatClock(leaveBy, email.timezone)}${leaveDay} to arrive with time to spare.`] : [])],
        `To prepare: look again at the role and at what ${facts.organization.name} does, and bring a few questions of your own${video ? '; test your video link a few minutes before the start' : '; plan to arrive a few minutes early'}.`,
        [actionsLine(facts.change.after, facts.reminder?.sendAt ?? facts.change.at, facts.link), SOONER_IS_KINDER].filter((l): l is string => l !== null),
      ],
      'We look forward to speaking with you,',
      teamName(facts),
    ),
  };
};

export const CANDIDATE_RENDERERS: Record<CandidateEmailKind, Render> = {
  invitation,
  confirmation,
  moved_by_candidate: movedByCandidate,
  moved_by_employer: movedByEmployer,
  new_times: newTimes,
  cancellation_confirmation: cancellationConfirmation,
  invitation_withdrawn: invitationWithdrawn,
  employer_cancellation: employerCancellation,
  withdrawal_confirmation: withdrawalConfirmation,
  withdrawal_calendar_update: withdrawalCalendarUpdate,
  decline_confirmation: declineConfirmation,
  interviewer_no_show_apology: interviewerNoShowApology,
  no_show_followup: noShowFollowup,
  reminder,
};
