import { leavesProcess } from '../../reasons.ts';
import type { ComposeKind } from '../types.ts';
import type { Draft, Facts, Sentence } from './draft.ts';
import { byTone, callsToo, capitalize, firstName, isLateOrMissed, listTimes } from './draft.ts';
import { describeCandidateReason, describeEarlyEnd } from './reason-phrases.ts';

function greet(f: Facts): string {
  if (f.recipientName) return byTone(f, `Hi ${firstName(f.recipientName)},`, `Dear ${f.recipientName},`);
  return byTone(f, `Hello ${f.companyName} team,`, `Dear ${f.companyName} hiring team,`);
}

function sign(f: Facts): Pick<Draft, 'closing' | 'signature'> {
  return { closing: byTone(f, 'Best wishes,', 'Kind regards,'), signature: f.candidateName };
}

/**
 * At short notice: apologise for it and, when the sender says they have phoned, say so. Without that
 * word the draft claims no call (the advice and the phone script ask for one): an email must not promise
 * or report a call the candidate may never make. Without a number, no call is spoken of at all.
 */
function shortNotice(f: Facts): Sentence[] {
  const call = callsToo(f) && f.calledAhead ? f.coordinatorPhone : undefined;
  if (f.notice === 'late') {
    return [
      { text: byTone(f, "I'm sorry for the short notice.", 'I apologize for the short notice.'), element: 'apology' },
      ...(call ? [{ text: byTone(f, `I have also called you at ${call}.`, `I have also telephoned you at ${call}.`) }] : []),
    ];
  }
  if (f.notice === 'missed' && call) {
    return [{ text: byTone(f, `I have also called you at ${call}, though I should have done so before the start.`, `I have also telephoned you at ${call}, as I ought to have done before the start.`) }];
  }
  return [];
}

/** The opening apology of a message written after the interview began. */
function missedOpening(f: Facts, what: string): Sentence {
  return {
    text: byTone(
      f,
      `I'm very sorry that I ${what} on ${f.when} without letting you know in time.`,
      `Please accept my apologies: I ${what} on ${f.when} without informing you in advance.`,
    ),
    element: 'apology',
  };
}

function keepInTouch(f: Facts): Sentence[] {
  if (!f.keepInTouch) return [];
  return [
    {
      text: byTone(
        f,
        `I'd be glad to stay in touch about future openings at ${f.companyName}.`,
        `I would welcome being considered for future openings at ${f.companyName}.`,
      ),
      element: 'keepDoorOpen',
    },
  ];
}

function referral(f: Facts): Sentence[] {
  if (!f.referral) return [];
  const { name, email } = f.referral;
  return [
    {
      text: byTone(
        f,
        `If it helps, I'd like to suggest ${name} (${email}), who may be a strong fit for the role.`,
        `Should it be useful, I would suggest ${name} (${email}), who may be a strong fit for the role.`,
      ),
      element: 'referral',
    },
  ];
}

/**
 * "Because of a family emergency, I …", "I've accepted another offer, so I …" — or, when no reason was
 * given, just "I …": no reason is ever supplied for the sender.
 */
function becauseOf(f: Facts, consequence: { warm: string; formal: string }): Sentence {
  const cause = describeCandidateReason(f);
  const then = byTone(f, consequence.warm, consequence.formal);
  if (!cause) return { text: `${capitalize(then)}.` };
  const text =
    cause.form === 'noun'
      ? byTone(f, `Because of ${cause.phrase}, ${then}.`, `Owing to ${cause.phrase}, ${then}.`)
      : `${capitalize(cause.text)}, so ${then}.`;
  return { text, element: 'reason' };
}

function cancel(f: Facts): Draft {
  const leaving = leavesProcess(f.reason);
  const subject =
    f.notice === 'missed'
      ? byTone(f, `Sorry I missed our interview on ${f.day}`, `Apologies for missing my interview on ${f.day}`)
      : `${f.notice === 'late' ? 'Short notice: ' : ''}${byTone(f, 'Cancelling', 'Cancellation of')} my ${f.roleTitle} interview on ${f.day}`;
  const opening: Sentence[] =
    f.notice === 'missed'
      ? [missedOpening(f, 'missed our interview'), { text: byTone(f, 'Thank you for the time you set aside for it.', 'Thank you for the time you reserved for it.'), element: 'gratitude' }]
      : [
          {
            text: byTone(
              f,
              `Thank you for inviting me to interview for the ${f.roleTitle} role at ${f.companyName}.`,
              `Thank you for the invitation to interview for the ${f.roleTitle} position at ${f.companyName}.`,
            ),
            element: 'gratitude',
          },
        ];
  const reason = becauseOf(
    f,
    f.notice !== 'missed'
      ? { warm: `I need to cancel our interview on ${f.when}`, formal: `I must cancel our interview on ${f.when}` }
      : leaving
        ? { warm: 'I should have withdrawn before the start', formal: 'I ought to have withdrawn before the start' }
        : { warm: 'I could not be there', formal: 'I was unable to attend' },
  );
  const apology: Sentence[] =
    f.notice === 'missed'
      ? []
      : f.notice === 'late'
        ? shortNotice(f)
        : [{ text: byTone(f, "I'm sorry for the inconvenience to you and the panel.", 'I apologize for the inconvenience to you and the panel.'), element: 'apology' }];
  if (f.notice === 'missed') apology.push(...shortNotice(f));
  const early: Sentence[] =
    f.notice === 'ample' ? [{ text: byTone(f, "I'm writing now so the time can be offered to someone else.", 'I am writing now so that the time can be offered to someone else.') }] : [];
  const next: Sentence[] = leaving ? [] : alternativeFor(f);
  return {
    subject,
    greeting: greet(f),
    paragraphs: [opening, [reason, ...apology, ...early], next, keepInTouch(f)].filter((p) => p.length > 0),
    ...sign(f),
  };
}

/** New times in the reader's zone, or an offer to find some. */
function alternativeFor(f: Facts): Sentence[] {
  if (f.proposed.length > 0) {
    return [
      {
        text: byTone(
          f,
          `If the role is still open, I'd be glad to find another time. Any of these would suit me (${f.zone}):\n${listTimes(f)}`,
          `Should the position remain open, I would welcome another time. I am available at any of the following (${f.zone}):\n${listTimes(f)}`,
        ),
        element: 'alternative',
      },
    ];
  }
  return [
    {
      text: byTone(
        f,
        "If the role is still open, I'd be glad to reschedule at a time that suits you.",
        'Should the position remain open, I would be glad to reschedule at a time that suits you.',
      ),
      element: 'alternative',
    },
  ];
}

function reschedule(f: Facts): Draft {
  // A reason that leaves the process is refused for a reschedule (see kind-reasons.ts), never swapped for another.
  const facts = f;
  const subject =
    f.notice === 'missed'
      ? byTone(f, `Sorry I missed our interview: could we find another time?`, `Apologies for missing my interview: request for another time`)
      : `${f.notice === 'late' ? 'Short notice: ' : ''}${byTone(f, 'Could we move', 'Request to reschedule')} my ${f.roleTitle} interview on ${f.day}${byTone(f, '?', '')}`;
  const opening: Sentence[] =
    f.notice === 'missed'
      ? [missedOpening(facts, 'missed the start of our interview')]
      : [];
  opening.push({
    text: byTone(
      facts,
      `I'm grateful for the time you've set aside for the ${f.roleTitle} interview, and I'm still keen to have the conversation.`,
      `I am grateful for the time you have set aside for the ${f.roleTitle} interview and remain keen to have the conversation.`,
    ),
    element: 'gratitude',
  });
  const reason = becauseOf(
    facts,
    f.notice === 'missed'
      ? { warm: 'I could not be there', formal: 'I was unable to attend' }
      : { warm: `I can't keep the time on ${f.when}`, formal: `I am unable to keep the time on ${f.when}` },
  );
  const apology: Sentence[] =
    f.notice === 'ample' || f.notice === 'adequate'
      ? [{ text: byTone(f, "I'm sorry for the inconvenience of moving it.", 'I apologize for the inconvenience of moving it.'), element: 'apology' }]
      : shortNotice(f);
  const times: Sentence =
    f.proposed.length > 0
      ? {
          text: byTone(f, `Would one of these times work instead (${f.zone})?\n${listTimes(f)}`, `Would one of the following times be possible instead (${f.zone})?\n${listTimes(f)}`),
          element: 'alternative',
        }
      : {
          text: byTone(
            f,
            "Could we find another time in the coming days? I'm flexible and happy to fit around the panel's calendars.",
            "Would it be possible to find another time in the coming days? I am flexible and can fit around the panel's calendars.",
          ),
          element: 'alternative',
        };
  return { subject, greeting: greet(f), paragraphs: [opening, [reason, ...apology], [times]], ...sign(f) };
}

/** Decline and withdraw share a shape: thanks, the reason, notice courtesy, the door and a referral. */
function stepBack(f: Facts, what: 'decline' | 'withdraw'): Draft {
  const subject =
    what === 'decline'
      ? byTone(f, `Declining the ${f.roleTitle} interview`, `Regarding the ${f.roleTitle} interview invitation`)
      : byTone(f, `Withdrawing from the ${f.roleTitle} process`, `Withdrawal of my application for the ${f.roleTitle} position`);
  const thanks: Sentence =
    what === 'decline'
      ? {
          text: byTone(
            f,
            `I appreciate the invitation to interview for the ${f.roleTitle} role, and the time your team spent on my application.`,
            `I appreciate the invitation to interview for the ${f.roleTitle} position and the consideration your team has given my application.`,
          ),
          element: 'gratitude',
        }
      : {
          text: byTone(
            f,
            `Thank you for the time you and your team have given my application for the ${f.roleTitle} role.`,
            `Please accept my thanks for the time you and your team have given my application for the ${f.roleTitle} position.`,
          ),
          element: 'gratitude',
        };
  const reason = becauseOf(
    f,
    what === 'decline'
      ? { warm: "I'd like to decline the interview", formal: 'I must respectfully decline the interview' }
      : { warm: "I'd like to withdraw my application", formal: 'I wish to withdraw my application' },
  );
  const courtesy: Sentence[] = !f.scheduled
    ? []
    : f.notice === 'missed'
      ? [{ text: byTone(f, "I'm sorry I didn't tell you before our interview time.", 'I apologize for not informing you before our interview time.'), element: 'apology' }, ...shortNotice(f)]
      : isLateOrMissed(f)
        ? shortNotice(f)
        : [{ text: byTone(f, `This frees the interview on ${f.when} for another candidate.`, `This frees the interview on ${f.when} for another candidate.`) }];
  return {
    subject,
    greeting: greet(f),
    paragraphs: [[thanks], [reason, ...courtesy], [...keepInTouch(f), ...referral(f)]].filter((p) => p.length > 0),
    ...sign(f),
  };
}

function earlyEndReason(f: Facts): Sentence {
  const cause = describeEarlyEnd(f);
  return cause ? { text: `I ended our conversation early because ${cause}.`, element: 'reason' } : { text: 'I ended our conversation early.' };
}

function endEarlyFollowup(f: Facts): Draft {
  return {
    subject: byTone(f, `Following up on our ${f.roleTitle} conversation`, `Follow-up to our ${f.roleTitle} interview`),
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `Following our conversation about the ${f.roleTitle} role, I want to thank you for the time you set aside.`,
            `Following our meeting regarding the ${f.roleTitle} position, I would like to thank you for your time.`,
          ),
          element: 'gratitude',
        },
      ],
      [
        earlyEndReason(f),
        {
          text: byTone(f, 'I wanted to say so plainly rather than leave it unexplained.', 'I wished to state this plainly rather than leave it unexplained.'),
        },
      ],
      [
        ...keepInTouch(f),
        { text: byTone(f, 'I wish you and the team well.', 'I wish you and your colleagues well.') },
      ],
    ],
    ...sign(f),
  };
}

function keepInTouchNote(f: Facts): Draft {
  return {
    subject: byTone(f, `Staying in touch about roles at ${f.companyName}`, `Future opportunities at ${f.companyName}`),
    greeting: greet(f),
    paragraphs: [
      [
        {
          text: byTone(
            f,
            `You were very gracious when I stepped back from the ${f.roleTitle} interview, and I'm grateful for it.`,
            `You were most understanding when I stepped back from the ${f.roleTitle} interview, and I am grateful for it.`,
          ),
          element: 'gratitude',
        },
      ],
      [
        {
          text: byTone(
            f,
            `I'd still love to work at ${f.companyName}, and I'd welcome being considered for future roles on your team.`,
            `I would still be glad to join ${f.companyName}, and I would welcome being considered for future roles.`,
          ),
          element: 'keepDoorOpen',
        },
        ...referral(f),
      ],
    ],
    ...sign(f),
  };
}

export type CandidateKind = Extract<ComposeKind, `candidate_${string}`>;

/** The draft of a message a candidate sends. */
export function draftCandidateMessage(kind: CandidateKind, facts: Facts): Draft {
  switch (kind) {
    case 'candidate_cancel':
      return cancel(facts);
    case 'candidate_reschedule':
      return reschedule(facts);
    case 'candidate_decline':
      return stepBack(facts, 'decline');
    case 'candidate_withdraw':
      return stepBack(facts, 'withdraw');
    case 'candidate_end_early_followup':
      return endEarlyFollowup(facts);
    case 'candidate_keep_in_touch':
      return keepInTouchNote(facts);
  }
}
