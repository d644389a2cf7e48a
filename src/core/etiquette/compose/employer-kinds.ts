import { endsOpening } from '../../reasons.ts';
import type { ComposeKind } from '../types.ts';
import type { Draft, Facts, Sentence } from './draft.ts';
import { byTone, callsToo, firstName, isLateOrMissed, listTimes } from './draft.ts';
import { describeEmployerReason } from './reason-phrases.ts';

function greet(f: Facts): string {
  return byTone(f, `Hi ${firstName(f.candidateName)},`, `Dear ${f.candidateName},`);
}

function sign(f: Facts): Pick<Draft, 'closing' | 'signature'> {
  return { closing: byTone(f, 'Warm regards,', 'Kind regards,'), signature: f.senderName };
}

/**
 * At short notice (or after the start) the employer apologises for it; with a number to call, it says the
 * call is happening and gives the number to call back. Without one, no call is promised.
 */
function shortNotice(f: Facts): Sentence[] {
  if (!isLateOrMissed(f)) return [];
  const phone = callsToo(f) ? f.coordinatorPhone : undefined;
  if (!phone) return [{ text: byTone(f, 'Apologies for the short notice.', 'We apologize for the short notice.'), element: 'apology' }];
  return [
    {
      text: byTone(
        f,
        "Apologies for the short notice: we're calling you as well, so you don't learn this from an email alone.",
        'We apologize for the short notice; we are also telephoning you so that you do not learn this from an email alone.',
      ),
      element: 'apology',
    },
    { text: byTone(f, `You can reach us at ${phone}.`, `You can reach us at ${phone}.`) },
  ];
}

/** The reason the employer gave, as a sentence; nothing when none was given. */
function reasonSentence(f: Facts): Sentence[] {
  const text = describeEmployerReason(f);
  return text ? [{ text, element: 'reason' }] : [];
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
    const more = link ? byTone(f, `If none of them suits you, pick another time here: ${link}`, `Should none be convenient, you can choose another time here: ${link}`) : '';
    return [
      {
        text: byTone(
          f,
          `Would one of these times work for you (${f.zone})?\n${listTimes(f)}${more ? `\n${more}` : ''}`,
          `Would one of the following times suit you (${f.zone})?\n${listTimes(f)}${more ? `\n${more}` : ''}`,
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
  const ends = endsOpening(f.reason);
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
    paragraphs: [[opening, ...reasonSentence(f), ...shortNotice(f)], [thanks, ...(ends ? keepDoorOpen(f) : newTimes(f))]],
    ...sign(f),
  };
}

/** A move that is already done: the new time in both zones, an apology, and a way to move it again. */
function employerMoved(f: Facts, moved: NonNullable<Facts['moved']>): Draft {
  const link = f.links.reschedule;
  const team = moved.team ? `, which is ${moved.team} for the team` : '';
  return {
    subject: `${f.notice === 'late' ? 'Short notice: ' : ''}${byTone(f, `Your ${f.roleTitle} interview has moved to ${moved.day}`, `New time for your ${f.roleTitle} interview: ${moved.day}`)}`,
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `We've had to move your ${f.roleTitle} interview from ${f.when}, and we're sorry for the change.`,
            `We have had to move your ${f.roleTitle} interview from ${f.when}, and we apologize for the change.`,
          ),
          element: 'apology',
        },
        ...reasonSentence(f),
        ...shortNotice(f),
      ],
      [{ text: byTone(f, `It is now on ${moved.when}${team}.`, `It will now take place on ${moved.when}${team}.`) }],
      [
        { text: byTone(f, 'Thank you for your flexibility.', 'Thank you for your flexibility and understanding.'), element: 'gratitude' },
        {
          text: link
            ? byTone(f, `If the new time doesn't suit you, you can pick another time here: ${link}`, `Should the new time not suit you, you may choose another time here: ${link}`)
            : byTone(
                f,
                "If the new time doesn't suit you, reply with a few other times that work for you, and we'll move it again.",
                'Should the new time not suit you, please reply with a few other times that work for you, and we will move it again.',
              ),
          element: 'alternative',
        },
      ],
    ],
    ...sign(f),
  };
}

function employerReschedule(f: Facts): Draft {
  if (f.moved) return employerMoved(f, f.moved);
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
        ...reasonSentence(f),
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
  const closed = f.reason === 'position_closed';
  return {
    subject: byTone(f, `An update on the ${f.roleTitle} position`, `Update regarding the ${f.roleTitle} position`),
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: closed
            ? byTone(
                f,
                `We wanted you to hear this from us promptly: the ${f.roleTitle} position has been closed, and we won't be continuing interviews for it.`,
                `We are writing promptly to let you know that the ${f.roleTitle} position has been closed, and we will not be continuing interviews for it.`,
              )
            : byTone(
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
        ...(isLateOrMissed(f)
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

/**
 * To a candidate who did not come: no accusation, a question whether all is well, and a way back in —
 * the link to a new time when there is one, a reply otherwise.
 */
function noShowFollowup(f: Facts): Draft {
  const link = f.links.reschedule;
  return {
    subject: byTone(f, `Checking in: your ${f.roleTitle} interview on ${f.day}`, `Your ${f.roleTitle} interview on ${f.day}`),
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `We were looking forward to meeting you for the ${f.roleTitle} interview on ${f.when}, and we're sorry we didn't get to talk.`,
            `We had looked forward to meeting you for the ${f.roleTitle} interview on ${f.when}, and we regret that we did not have the chance to speak.`,
          ),
        },
        { text: byTone(f, 'Is everything all right?', 'May we ask whether all is well?') },
      ],
      [
        {
          text: link
            ? byTone(
                f,
                `If something got in the way and you'd still like to talk, you can pick a new time here: ${link}`,
                `Should you still wish to interview, you may choose a new time here: ${link}`,
              )
            : byTone(
                f,
                "If something got in the way and you'd still like to talk, reply to this email and we'll find a new time together.",
                'Should you still wish to interview, please reply to this email and we will arrange a new time with you.',
              ),
          element: 'alternative',
        },
      ],
      [{ text: `Thank you for your interest in ${f.companyName}.`, element: 'gratitude' }],
    ],
    ...sign(f),
  };
}

/** The preparation checklist of the reminder (product rule 9: arrive on time, come prepared). */
function checklist(f: Facts): string {
  const items: string[] = [];
  if (f.videoUrl) {
    items.push(byTone(f, `Test the link a few minutes early, with your camera and microphone: ${f.videoUrl}`, `Test the link a few minutes early, with your camera and microphone: ${f.videoUrl}`));
  } else {
    items.push(f.location ? byTone(f, 'Aim to arrive a few minutes early.', 'Plan to arrive a few minutes early.') : byTone(f, 'Be ready a few minutes early.', 'Plan to be ready a few minutes early.'));
  }
  items.push(
    byTone(
      f,
      `Read up on ${f.companyName} and the ${f.roleTitle} role, and pick two examples from your work that fit it.`,
      `Research ${f.companyName} and the ${f.roleTitle} position, and prepare two examples from your work that fit it.`,
    ),
  );
  items.push(
    f.location
      ? byTone(f, "Bring two or three questions for the panel, and a copy of your CV or any materials you'd like to show.", 'Bring two or three questions for the panel, and a copy of your CV or any materials you wish to show.')
      : byTone(f, "Have two or three questions for the panel ready, and your CV or any materials you'd like to share at hand.", 'Have two or three questions for the panel ready, and your CV or any materials you wish to share at hand.'),
  );
  return `${byTone(f, 'A little preparation goes a long way:', 'To prepare, we suggest:')}\n${items.map((item) => `- ${item}`).join('\n')}`;
}

function reminder(f: Facts): Draft {
  const where: Sentence[] = [];
  if (f.location) where.push({ text: byTone(f, `It's at ${f.location}.`, `It will take place at ${f.location}.`) });
  if (f.leaveBy) {
    where.push({ text: byTone(f, `Plan to leave by ${f.leaveBy} to arrive with time to spare.`, `We suggest leaving by ${f.leaveBy} to arrive with time to spare.`) });
  }
  const links: string[] = [];
  if (f.links.reschedule) links.push(`Reschedule: ${f.links.reschedule}`);
  if (f.links.cancel) links.push(`Cancel: ${f.links.cancel}`);
  const change: Sentence = {
    text:
      links.length > 0
        ? `${byTone(
            f,
            "If you can't make it, please let us know here as early as you can, so the time can go to someone else and we can find you another:",
            'If you cannot make it, please let us know here as early as possible, so that the time can be offered to someone else and another found for you:',
          )}\n${links.join('\n')}`
        : byTone(
            f,
            "If you can't make it, reply as early as you can, so the time can go to someone else and we can find you another.",
            'If you cannot make it, please reply as early as possible, so that the time can be offered to someone else and another found for you.',
          ),
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
      [{ text: checklist(f) }],
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
