import type { OfferWithdrawal } from '../waitlist/decide-offers.ts';
import type { Mailbox, PlannedEmail } from './email-kinds.ts';
import type { RenderedEmail } from './message-facts.ts';
import { firstName, letter, replyLine, when } from './text.ts';
import type { WaitlistEmailKind } from './waitlist-kinds.ts';

/**
 * The interview a freed time is offered as: the title, place and format of the interview that freed it,
 * stated before the claim so nothing about it changes when it is booked.
 */
export interface OfferedInterview {
  title: string;
  /** `video`: a video link comes with the booking; `in_person`: held at `location`; `unstated`: no place known. */
  format: 'video' | 'in_person' | 'unstated';
  location: string | null;
}

/** One sentence saying what kind of interview is offered, for the offer's email and page. */
export function offeredInterviewLine(interview: OfferedInterview): string {
  const what = `The interview: “${interview.title}”`;
  if (interview.format === 'video') return `${what}, by video call (the link comes with your confirmation).`;
  if (interview.format === 'in_person') return `${what}, in person at ${interview.location}.`;
  return interview.location ? `${what}; where: ${interview.location}.` : `${what}.`;
}

/**
 * What the waitlist decided for one candidate: an offer of freed time, an offer taken back, or the
 * waitlist closed with the opening. There may be no interview at all yet, so these are not interview
 * changes and have facts of their own.
 */
export type WaitlistNotice =
  | {
      kind: 'offered';
      at: Date;
      start: Date;
      end: Date;
      durationMinutes: number;
      interview: OfferedInterview;
      expiresAt: Date;
      /** True when others on the waitlist were offered the same time at once (the first to claim wins). */
      shared: boolean;
    }
  | { kind: 'offer_withdrawn'; at: Date; start: Date; why: Exclude<OfferWithdrawal, 'opening_ended'> }
  | { kind: 'closed'; at: Date; how: 'filled' | 'closed' };

/** Everything a waitlist email may state; what is not here is not said. */
export interface WaitlistMessageFacts {
  notice: WaitlistNotice;
  organization: { name: string; timezone: string };
  openingTitle: string;
  candidate: { name: string; timezone: string };
  /** The offer's claim link; only in the offer itself. */
  link: string | null;
}

/** Who a waitlist email goes to and who answers it. */
export interface WaitlistRecipients {
  candidate: Mailbox & { timezone: string };
  /** The organization's contact, or a recruiter; null when nobody reads replies. */
  replyTo: Mailbox | null;
  sender: Mailbox;
}

const KIND_OF: Record<WaitlistNotice['kind'], WaitlistEmailKind> = {
  offered: 'waitlist_offer',
  offer_withdrawn: 'waitlist_offer_withdrawn',
  closed: 'waitlist_closed',
};

/** The one email a waitlist notice sends: to the candidate, in their zone, with no calendar part. */
export function planWaitlistEmail(notice: WaitlistNotice, recipients: WaitlistRecipients): PlannedEmail {
  return {
    kind: KIND_OF[notice.kind],
    audience: 'candidate',
    to: { name: recipients.candidate.name, address: recipients.candidate.address },
    timezone: recipients.candidate.timezone,
    replyTo: recipients.replyTo ?? recipients.sender,
    canReply: recipients.replyTo !== null,
    calendar: null,
  };
}

type Render = (facts: WaitlistMessageFacts, email: PlannedEmail) => RenderedEmail;

function dear(facts: WaitlistMessageFacts): string {
  return `Dear ${firstName(facts.candidate.name)},`;
}

function team(facts: WaitlistMessageFacts): string {
  return `${facts.organization.name} recruiting`;
}

function teamZoneLine(facts: WaitlistMessageFacts, instant: Date, readerZone: string): string | null {
  const theirs = when(instant, facts.organization.timezone);
  return theirs === when(instant, readerZone) ? null : `For ${facts.organization.name}, that is ${theirs}.`;
}

const offer: Render = (facts, email) => {
  const notice = facts.notice;
  if (notice.kind !== 'offered') throw new TypeError('A waitlist offer renders an offer.');
  return {
    subject: `A time has opened up for your ${facts.openingTitle} interview with ${facts.organization.name}`,
    text: letter(
      dear(facts),
      [
        `You asked to hear when an interview time opens up for the ${facts.openingTitle} role at ${facts.organization.name}. One has: a ${notice.durationMinutes}-minute interview on ${when(notice.start, email.timezone)}.`,
        offeredInterviewLine(notice.interview),
        teamZoneLine(facts, notice.start, email.timezone),
        [
          `To take it, claim it by ${when(notice.expiresAt, email.timezone)}: ${facts.link}`,
          notice.shared
            ? 'We have offered this time to a few people on the waitlist at once, so it goes to whoever claims it first.'
            : 'We are holding it for you until then.',
        ],
        "If it doesn't suit you, the same page lets you pass it on; you stay on the waitlist either way.",
        replyLine(email.canReply),
      ],
      'With thanks,',
      team(facts),
    ),
  };
};

const withdrawn: Render = (facts, email) => {
  const notice = facts.notice;
  if (notice.kind !== 'offer_withdrawn') throw new TypeError('A withdrawn offer renders a withdrawal.');
  const why = notice.why === 'claimed_by_another' ? 'someone else on the waitlist claimed it first' : 'it is no longer free';
  return {
    subject: `The time we offered for your ${facts.openingTitle} interview has gone`,
    text: letter(
      dear(facts),
      [
        `Thank you for your patience. The interview time we offered you on ${when(notice.start, email.timezone)} is no longer available: ${why}. We are sorry for the disappointment.`,
        'You are still on the waitlist, and we will write again as soon as another time opens up.',
        replyLine(email.canReply),
      ],
      'With thanks,',
      team(facts),
    ),
  };
};

const closed: Render = (facts, email) => {
  const notice = facts.notice;
  if (notice.kind !== 'closed') throw new TypeError('A closed waitlist renders its closing.');
  const news = notice.how === 'filled' ? 'The position has now been filled' : 'We have now closed this opening';
  return {
    subject: `An update on the ${facts.openingTitle} role at ${facts.organization.name}`,
    text: letter(
      dear(facts),
      [
        `Thank you for your interest in the ${facts.openingTitle} role at ${facts.organization.name}, and for your patience while you waited for an interview time.`,
        `${news}, so we will not be offering further interview times for it, and we have taken you off its waitlist. We are sorry we could not meet with you this time.`,
        'We would be glad to hear from you about future roles.',
        replyLine(email.canReply),
      ],
      'With best wishes,',
      team(facts),
    ),
  };
};

export const WAITLIST_RENDERERS: Record<WaitlistEmailKind, Render> = {
  waitlist_offer: offer,
  waitlist_offer_withdrawn: withdrawn,
  waitlist_closed: closed,
};

/** The subject and text of one planned waitlist email, written only from the waitlist decision's facts. */
export function renderWaitlistEmail(facts: WaitlistMessageFacts, email: PlannedEmail): RenderedEmail {
  const kind = email.kind as WaitlistEmailKind;
  const render = WAITLIST_RENDERERS[kind];
  if (!render) throw new TypeError(`${email.kind} is not a waitlist email.`);
  return render(facts, email);
}
