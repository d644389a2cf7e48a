import type { ComposeKind } from '../types.ts';
import type { Draft, Facts, Sentence } from './draft.ts';
import { byTone, firstName, listTimes } from './draft.ts';
import { ENDS_OPENING, describeEmployerReason } from './reason-phrases.ts';

function greet(f: Facts): string {
  return byTone(f, `Hi ${firstName(f.candidateName)},`, `Dear ${f.candidateName},`);
}

function sign(f: Facts): Pick<Draft, 'closing' | 'signature'> {
  return { closing: byTone(f, 'Warm regards,', 'Kind regards,'), signature: f.senderName };
}

/** Under a day's notice (or after the start) the employer phones too, and says so. */
function shortNotice(f: Facts): Sentence[] {
  if (f.notice !== 'late' && f.notice !== 'missed') return [];
  return [
    {
      text: byTone(
        f,
        "Apologies for the short notice: we're calling you as well, so you don't learn this from an email alone.",
        'We apologize for the short notice; we are also telephoning you so that you do not learn this from an email alone.',
      ),
      element: 'apology',
    },
  ];
}

function reasonSentence(f: Facts): Sentence {
  return { text: describeEmployerReason(f), element: 'reason' };
}

function keepDoorOpen(f: Facts): Sentence[] {
  if (f.keepInTouch === false) return [];
  return [
    {
      text: byTone(
        f,
        `We'd be glad to keep your details and tell you about future openings at ${f.companyName} that match your experience.`,
        `With your permission, we will keep your details and let you know of future openings at ${f.companyName} that match your experience.`,
      ),
      element: 'keepDoorOpen',
    },
  ];
}

/** Proposed times, the self-service link, or an invitation to reply with times. */
function newTimes(f: Facts): Sentence[] {
  const link = f.links.reschedule;
  if (f.proposed.length > 0) {
    const more = link ? byTone(f, ` If none of them suits you, pick another time here: ${link}`, ` Should none be convenient, you can choose another time here: ${link}`) : '';
    return [
      {
        text: byTone(
          f,
          `Would one of these times work for you (${f.zone})?\n${listTimes(f)}${more ? `\n${more.trim()}` : ''}`,
          `Would one of the following times suit you (${f.zone})?\n${listTimes(f)}${more ? `\n${more.trim()}` : ''}`,
        ),
        element: 'alternative',
      },
    ];
  }
  return [
    {
      text: link
        ? byTone(f, `You can choose a new time that suits you here: ${link}`, `You can select a new time at your preference here: ${link}`)
        : byTone(f, "Reply with a few times that suit you and we'll find a new slot.", 'Please reply with a few times that suit you, and we will arrange a new slot.'),
      element: 'alternative',
    },
  ];
}

function employerCancel(f: Facts): Draft {
  const ends = ENDS_OPENING.has(f.reason);
  const opening: Sentence =
    f.notice === 'missed'
      ? {
          text: byTone(
            f,
            `We're sorry that this reaches you only now: we have to cancel your ${f.roleTitle} interview, which was due on ${f.when}.`,
            `We apologize that this reaches you only now: we must cancel your ${f.roleTitle} interview, which was due on ${f.when}.`,
          ),
          element: 'apology',
        }
      : {
          text: byTone(
            f,
            `We're sorry to tell you that we need to cancel your interview for the ${f.roleTitle} role on ${f.when}.`,
            `We regret that we must cancel your interview for the ${f.roleTitle} position on ${f.when}, and we apologize for the inconvenience.`,
          ),
          element: 'apology',
        };
  const thanks: Sentence = {
    text: byTone(f, "Thank you for the time you've already put into preparing.", 'Thank you for the time you have already invested in preparing.'),
    element: 'gratitude',
  };
  return {
    subject: `${f.notice === 'late' ? 'Short notice: ' : ''}${byTone(f, `Your ${f.roleTitle} interview on ${f.day} is cancelled`, `Cancellation of your ${f.roleTitle} interview on ${f.day}`)}`,
    greeting: greet(f),
    paragraphs: [[opening, reasonSentence(f), ...shortNotice(f)], [thanks, ...(ends ? keepDoorOpen(f) : newTimes(f))]],
    ...sign(f),
  };
}

function employerReschedule(f: Facts): Draft {
  const facts = ENDS_OPENING.has(f.reason) ? { ...f, reason: 'other' } : f;
  return {
    subject: `${f.notice === 'late' ? 'Short notice: ' : ''}${byTone(f, `New times for your ${f.roleTitle} interview`, `Rescheduling your ${f.roleTitle} interview`)}`,
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `We need to move your ${f.roleTitle} interview from ${f.when}, and we're sorry for the change.`,
            `We must move your ${f.roleTitle} interview from ${f.when}, and we apologize for the change.`,
          ),
          element: 'apology',
        },
        reasonSentence(facts),
        ...shortNotice(f),
      ],
      [
        {
          text: byTone(f, 'Thank you for your flexibility; we want to find a time that works well for you.', 'Thank you for your flexibility; we wish to find a time that suits you well.'),
          element: 'gratitude',
        },
        ...newTimes(f),
      ],
    ],
    ...sign(f),
  };
}

function positionFilled(f: Facts): Draft {
  const upcoming = f.notice !== 'missed';
  return {
    subject: byTone(f, `An update on the ${f.roleTitle} position`, `Update regarding the ${f.roleTitle} position`),
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `We wanted you to hear this from us promptly: the ${f.roleTitle} position has now been filled.`,
            `We are writing promptly to let you know that the ${f.roleTitle} position has now been filled.`,
          ),
          element: 'reason',
        },
        ...(upcoming
          ? [
              {
                text: byTone(
                  f,
                  `That means we're cancelling your interview on ${f.when}, and the calendar invitation is withdrawn.`,
                  `Your interview on ${f.when} is therefore cancelled, and the calendar invitation has been withdrawn.`,
                ),
              },
            ]
          : []),
        ...(f.notice === 'late' || f.notice === 'missed'
          ? shortNotice(f)
          : [
              {
                text: byTone(f, "We're sorry to bring you this news.", 'We are sorry to bring you this news.'),
                element: 'apology' as const,
              },
            ]),
      ],
      [
        {
          text: byTone(
            f,
            `Thank you for your interest in ${f.companyName} and for the care you put into your application.`,
            `Thank you for your interest in ${f.companyName} and for the care you took with your application.`,
          ),
          element: 'gratitude',
        },
        ...keepDoorOpen(f),
      ],
    ],
    ...sign(f),
  };
}

function noShowFollowup(f: Facts): Draft {
  const link = f.links.reschedule;
  return {
    subject: byTone(f, `Checking in after your ${f.roleTitle} interview time`, `Your ${f.roleTitle} interview on ${f.day}`),
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `We had you down for the ${f.roleTitle} interview on ${f.when}, but we didn't get to meet.`,
            `Your interview for the ${f.roleTitle} position was scheduled for ${f.when}, and we were not able to meet.`,
          ),
        },
        { text: byTone(f, 'We hope everything is all right.', 'We hope all is well.') },
      ],
      [
        {
          text: link
            ? byTone(
                f,
                `If something got in the way, you can pick a new time here: ${link} — or simply reply, and we'll look at options together.`,
                `If you were prevented from attending, you may choose a new time here: ${link}, or reply to this email and we will review the options with you.`,
              )
            : byTone(
                f,
                "If something got in the way, reply to this email and we'll look at options together.",
                'If you were prevented from attending, please reply to this email and we will review the options with you.',
              ),
          element: 'alternative',
        },
        {
          text: byTone(f, `Thank you for your interest in ${f.companyName}.`, `Thank you for your interest in ${f.companyName}.`),
          element: 'gratitude',
        },
      ],
    ],
    ...sign(f),
  };
}

function reminder(f: Facts): Draft {
  const where: Sentence[] = [];
  if (f.location) where.push({ text: byTone(f, `It's at ${f.location}.`, `It will take place at ${f.location}.`) });
  if (f.leaveBy) where.push({ text: byTone(f, `To arrive on time, plan to leave by ${f.leaveBy}.`, `To arrive on time, we suggest leaving by ${f.leaveBy}.`) });
  const changes: string[] = [];
  if (f.links.reschedule) changes.push(`Reschedule: ${f.links.reschedule}`);
  if (f.links.cancel) changes.push(`Cancel: ${f.links.cancel}`);
  const change: Sentence = {
    text:
      byTone(
        f,
        'If anything changes, tell us as early as you can, so the time can go to someone else and we can find you another.',
        'Should anything change, please let us know as early as possible, so that the time can be offered to someone else and another found for you.',
      ) + (changes.length > 0 ? `\n${changes.join('\n')}` : ''),
    element: 'alternative',
  };
  return {
    subject: byTone(f, `See you ${f.day}: your ${f.roleTitle} interview`, `Reminder: your ${f.roleTitle} interview on ${f.day}`),
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `Your interview for the ${f.roleTitle} role at ${f.companyName} is on ${f.when}.`,
            `We look forward to your interview for the ${f.roleTitle} position at ${f.companyName} on ${f.when}.`,
          ),
        },
        ...where,
      ],
      [
        {
          text: `${byTone(f, 'A little preparation goes a long way:', 'To prepare, we suggest:')}\n- Reread the job description and pick two examples from your work that fit it.\n- Prepare two or three questions for the panel.\n- Have your CV at hand and, for a video interview, test your camera and connection.`,
        },
      ],
      [change],
      [{ text: byTone(f, 'Thank you for making time for this; see you soon.', 'Thank you for making time for this.'), element: 'gratitude' }],
    ],
    ...sign(f),
  };
}

export type EmployerKind = Exclude<ComposeKind, `candidate_${string}`>;

/** The draft of a message the employer sends to a candidate. */
export function draftEmployerMessage(kind: EmployerKind, facts: Facts): Draft {
  switch (kind) {
    case 'employer_cancel':
      return employerCancel(facts);
    case 'employer_reschedule':
      return employerReschedule(facts);
    case 'position_filled':
      return positionFilled(facts);
    case 'no_show_followup':
      return noShowFollowup(facts);
    case 'reminder':
      return reminder(facts);
  }
}
