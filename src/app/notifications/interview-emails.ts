import { formatWhen } from '../../core/format-time.ts';
import { reasonPhrase as phraseOf } from '../../core/reasons.ts';
import type { Actor, Member, NoticeClass } from '../../core/types.ts';
import type { InterviewParties } from '../interviews/parties.ts';
import { composeForRecipient } from './compose-bridge.ts';
import type { EmailToQueue } from './enqueue-email.ts';

export type InterviewEvent =
  | { type: 'invited'; link: string }
  | { type: 'scheduled'; by: Actor; link: string }
  | { type: 'rescheduled'; by: Actor; previousStart: Date | null; link: string; reason?: string | null }
  | {
      type: 'cancelled';
      by: Actor;
      reason: string;
      noticeClass: NoticeClass;
      /** Words the sender chose to send; never the private note. */
      message?: string | null;
      link?: string;
    }
  | { type: 'declined'; reason: string; message?: string | null; keepInTouch?: boolean; referral?: { name: string; email: string } | null }
  | { type: 'new_times_requested'; previousStart: Date | null; previousEnd: Date | null; link: string; reason?: string | null }
  | { type: 'reminder'; hoursBefore: number; link: string; sendAt: Date }
  | { type: 'concern'; category: string; details: string };

export interface EmailPlan {
  emails: EmailToQueue[];
}

/**
 * Who hears about what a candidate does besides the panel: the organization's contact address, or else
 * its first recruiter or admin, so a decline never goes unheard.
 */
function coordinator(parties: InterviewParties): { name: string; address: string } | null {
  const address = parties.organization.contactEmail;
  if (address) return { name: `${parties.organization.name} recruiting`, address };
  const staff = parties.staff[0];
  return staff ? memberAddress(staff) : null;
}

/** A concern goes to HR; without an HR address, to the coordinator (never to the panel). */
function hrContact(parties: InterviewParties): { name: string; address: string } | null {
  const address = parties.organization.hrContactEmail;
  return address ? { name: `${parties.organization.name} HR`, address } : coordinator(parties);
}

function memberAddress(member: Member) {
  return { name: member.name, address: member.email };
}

function candidateAddress(parties: InterviewParties) {
  return { name: parties.candidate.name, address: parties.candidate.email };
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function when(parties: InterviewParties, start: Date | null, timeZone: string): string {
  return start ? formatWhen(start, timeZone) : 'a time to be agreed';
}

function reasonPhrase(reason: string): string {
  return phraseOf(reason) ?? 'a reason not listed';
}

const CANDIDATE_ETIQUETTE_LINE =
  "If you can't make it, please tell us as soon as you know through the link above; the sooner we hear, the easier it is for everyone.";

function candidateFooter(link: string): string {
  return [`Reschedule, cancel or decline: ${link}`, '', CANDIDATE_ETIQUETTE_LINE].join('\n');
}

function panelText(parties: InterviewParties, member: Member, lines: string[]): string {
  return [`Hi ${firstName(member.name)},`, '', ...lines, '', `Thank you,`, `${parties.organization.name} recruiting`].join('\n');
}

/** Every email an event sends, with the calendar object where calendars must change. */
export function planInterviewEmails(
  parties: InterviewParties,
  event: InterviewEvent,
  /** `request` carries the candidate's link and goes to the candidate only; `panelRequest` has none. */
  calendars: { request: string | null; panelRequest: string | null; cancel: string | null },
  now: Date,
): EmailPlan {
  const { interview, candidate, opening, organization, panel } = parties;
  const sequence = interview.sequence;
  const request = calendars.request ? { method: 'REQUEST' as const, ics: calendars.request, sequence } : undefined;
  const panelRequest = calendars.panelRequest ? { method: 'REQUEST' as const, ics: calendars.panelRequest, sequence } : undefined;
  const cancel = calendars.cancel ? { method: 'CANCEL' as const, ics: calendars.cancel, sequence } : undefined;
  const candidateWhen = when(parties, interview.start, candidate.timezone);
  const emails: EmailToQueue[] = [];

  switch (event.type) {
    case 'invited': {
      const times = interview.offeredSlots.map((slot) => `  • ${formatWhen(slot.start, candidate.timezone)}`);
      emails.push({
        kind: 'invitation',
        to: candidateAddress(parties),
        subject: `Choose a time for your ${opening.title} interview with ${organization.name}`,
        text: [
          `Dear ${firstName(candidate.name)},`,
          '',
          `Thank you for your interest in the ${opening.title} role at ${organization.name}. We would like to invite you to a ${interview.durationMinutes}-minute ${interview.title.toLowerCase()}.`,
          '',
          'These times work for the whole panel:',
          ...times,
          '',
          `Pick the one that suits you here: ${event.link}`,
          'None of them work? The same page lets you ask for other times, or decline if the role is no longer for you.',
          '',
          CANDIDATE_ETIQUETTE_LINE,
          '',
          'With thanks,',
          `${organization.name} recruiting`,
        ].join('\n'),
      });
      break;
    }
    case 'scheduled':
    case 'rescheduled': {
      const moved = event.type === 'rescheduled';
      if (moved && event.by === 'employer') {
        const composed = composeForRecipient('employer_reschedule', parties, {
          now,
          reason: event.reason ?? 'scheduling_error',
          previousStart: event.previousStart,
          proposedTimes: interview.start ? [interview.start] : [],
          link: event.link,
        });
        emails.push({ kind: 'reschedule', to: candidateAddress(parties), subject: composed.subject, text: `${composed.body}\n\n${CANDIDATE_ETIQUETTE_LINE}`, ...(request ? { calendar: request } : {}) });
      } else {
        emails.push({
          kind: moved ? 'reschedule_confirmation' : 'confirmation',
          to: candidateAddress(parties),
          subject: `${moved ? 'Moved' : 'Confirmed'}: ${opening.title} interview on ${candidateWhen}`,
          text: [
            `Dear ${firstName(candidate.name)},`,
            '',
            moved
              ? `Thank you for letting us know. Your ${opening.title} interview is now on ${candidateWhen}, and the panel has the new time.`
              : `Thank you for choosing a time. Your ${opening.title} interview with ${organization.name} is confirmed for ${candidateWhen}.`,
            interview.location ? `Where: ${interview.location}` : null,
            interview.videoUrl ? `Video link: ${interview.videoUrl}` : null,
            'The attached invitation adds it to your calendar.',
            '',
            candidateFooter(event.link),
            '',
            'We look forward to speaking with you,',
            `${organization.name} recruiting`,
          ]
            .filter((line) => line !== null)
            .join('\n'),
          ...(request ? { calendar: request } : {}),
        });
      }
      for (const member of panel) {
        const memberWhen = when(parties, interview.start, member.timezone);
        const lines = moved
          ? [
              `The ${interview.title.toLowerCase()} with ${candidate.name} (${opening.title}) has moved to ${memberWhen}.`,
              event.by === 'candidate' ? `The candidate asked for the change because of ${reasonPhrase(event.reason ?? 'schedule_conflict')}.` : null,
              'The updated invitation replaces the old one in your calendar.',
            ]
          : [
              `You are on the panel for a ${interview.title.toLowerCase()} with ${candidate.name} (${opening.title}) on ${memberWhen}.`,
              'The attached invitation adds it to your calendar.',
            ];
        emails.push({
          kind: moved ? 'panel_reschedule' : 'panel_invitation',
          to: memberAddress(member),
          subject: `${moved ? 'Moved' : 'Interview'}: ${candidate.name}, ${opening.title}, ${memberWhen}`,
          text: panelText(parties, member, lines.filter((l): l is string => l !== null)),
          ...(panelRequest ? { calendar: panelRequest } : {}),
        });
      }
      break;
    }
    case 'cancelled': {
      if (event.by === 'candidate') {
        emails.push({
          kind: 'cancellation_confirmation',
          to: candidateAddress(parties),
          subject: `Cancelled: ${opening.title} interview on ${candidateWhen}`,
          text: [
            `Dear ${firstName(candidate.name)},`,
            '',
            `Thank you for letting us know. Your ${opening.title} interview on ${candidateWhen} is cancelled, and we have told the panel.`,
            event.noticeClass === 'late'
              ? `As it is less than a day away, a quick call to ${organization.contactPhone ?? 'our coordinator'} is appreciated if you have not called already.`
              : null,
            'If you would like to find another time later, just reply to this message.',
            '',
            'Best wishes,',
            `${organization.name} recruiting`,
          ]
            .filter((line) => line !== null)
            .join('\n'),
          ...(cancel ? { calendar: cancel } : {}),
        });
        // Only words the candidate chose to send are passed on; nothing is written in their name.
        const candidateWords = event.message?.trim() || null;
        const heads = [...panel.map(memberAddress), ...(coordinator(parties) ? [coordinator(parties)!] : [])];
        for (const to of heads) {
          const isPanelist = panel.some((m) => m.email === to.address);
          emails.push({
            kind: 'candidate_cancellation',
            to,
            subject: `Cancelled by the candidate: ${candidate.name}, ${opening.title}`,
            text: [
              `${candidate.name} cancelled the ${interview.title.toLowerCase()} planned for ${when(parties, interview.start, isPanelist ? panel.find((m) => m.email === to.address)!.timezone : organization.timezone)}.`,
              `Reason given: ${reasonPhrase(event.reason)}. Notice: ${event.noticeClass}.`,
              '',
              ...(candidateWords ? ['Their message:', '', candidateWords, ''] : []),
              isPanelist ? 'The calendar event is cancelled; the time is free again.' : 'Every panelist has the cancellation.',
            ].join('\n'),
            ...(isPanelist && cancel ? { calendar: cancel } : {}),
          });
        }
      } else {
        const composed = composeForRecipient('employer_cancel', parties, {
          now,
          reason: event.reason,
          previousStart: interview.start,
          ...(event.link ? { link: event.link } : {}),
        });
        emails.push({
          kind: 'employer_cancellation',
          to: candidateAddress(parties),
          subject: composed.subject,
          text: event.message?.trim() ? `${event.message.trim()}\n\n${composed.body}` : composed.body,
          ...(cancel ? { calendar: cancel } : {}),
        });
        for (const member of panel) {
          emails.push({
            kind: 'panel_cancellation',
            to: memberAddress(member),
            subject: `Cancelled: ${candidate.name}, ${opening.title}`,
            text: panelText(parties, member, [
              `The ${interview.title.toLowerCase()} with ${candidate.name} on ${when(parties, interview.start, member.timezone)} is cancelled (${reasonPhrase(event.reason)}).`,
              'The calendar event is cancelled; the time is free again.',
            ]),
            ...(cancel ? { calendar: cancel } : {}),
          });
        }
      }
      break;
    }
    case 'declined': {
      const to = coordinator(parties);
      const words = event.message?.trim() || null;
      if (to) {
        emails.push({
          kind: 'candidate_decline',
          to,
          subject: `Declined: ${candidate.name}, ${opening.title}`,
          text: [
            `${candidate.name} declined the ${interview.title.toLowerCase()} invitation (${reasonPhrase(event.reason)}).`,
            event.keepInTouch ? 'They would like to hear about future roles.' : null,
            event.referral ? `They referred ${event.referral.name} <${event.referral.email}>.` : null,
            ...(words ? ['', 'Their message:', '', words] : []),
          ]
            .filter((l) => l !== null)
            .join('\n'),
        });
      }
      break;
    }
    case 'new_times_requested': {
      const times = interview.offeredSlots.map((slot) => `  • ${formatWhen(slot.start, candidate.timezone)}`);
      emails.push({
        kind: 'new_times',
        to: candidateAddress(parties),
        subject: `New times for your ${opening.title} interview`,
        text: [
          `Dear ${firstName(candidate.name)},`,
          '',
          'Thank you for telling us the time no longer works. The panel is free at these times:',
          ...(times.length > 0 ? times : ['  (none in the next two weeks; our coordinator will write to you)']),
          '',
          `Choose one here: ${event.link}`,
          '',
          'With thanks,',
          `${organization.name} recruiting`,
        ].join('\n'),
        // The old time is withdrawn from the candidate's calendar as well as the panel's.
        ...(cancel ? { calendar: cancel } : {}),
      });
      for (const member of panel) {
        emails.push({
          kind: 'panel_cancellation',
          to: memberAddress(member),
          subject: `Being rescheduled: ${candidate.name}, ${opening.title}`,
          text: panelText(parties, member, [
            `${candidate.name} asked for another time than ${when(parties, event.previousStart, member.timezone)} (${reasonPhrase(event.reason ?? 'schedule_conflict')}).`,
            'That calendar event is withdrawn; you will get a new invitation once they pick a time.',
          ]),
          ...(cancel ? { calendar: cancel } : {}),
        });
      }
      break;
    }
    case 'reminder': {
      // Leave-by: 45 minutes before an in-person interview, so lateness is planned out, not apologised for.
      const leaveBy = interview.location && interview.start ? new Date(interview.start.getTime() - 45 * 60_000) : null;
      const composed = composeForRecipient('reminder', parties, {
        now: event.sendAt,
        reason: 'other',
        previousStart: interview.start,
        link: event.link,
        ...(leaveBy ? { leaveBy } : {}),
      });
      emails.push({ kind: 'reminder', to: candidateAddress(parties), subject: composed.subject, text: composed.body, notBefore: event.sendAt });
      break;
    }
    case 'concern': {
      const to = hrContact(parties);
      if (to) {
        emails.push({
          kind: 'concern',
          to,
          subject: `Confidential: a candidate raised a concern (${event.category})`,
          text: [
            `${candidate.name} <${candidate.email}>, a candidate for ${opening.title}, raised a concern about the ${interview.title.toLowerCase()} on ${when(parties, interview.start, organization.timezone)}.`,
            `Category: ${event.category}`,
            '',
            event.details,
            '',
            'This report is confidential: it is not shared with the panel.',
          ].join('\n'),
        });
      }
      break;
    }
  }
  return { emails };
}
