import { composeMessage } from '../../core/etiquette/index.ts';
import type { ComposeKind, ComposeResult } from '../../core/etiquette/index.ts';
import type { InterviewParties } from '../interviews/parties.ts';

export interface BridgeContext {
  now: Date;
  reason: string;
  /** The interview time the message is about (the old one, for a move). */
  previousStart: Date | null;
  proposedTimes?: Date[];
  link?: string;
  keepInTouch?: boolean;
  referral?: { name: string; email: string };
  leaveBy?: Date;
}

/**
 * The etiquette composer, fed from an interview: every message the system writes on someone's behalf
 * carries the same gratitude, brief reason, apology and alternative as one a person would write.
 * Employer kinds are written to the candidate (in the candidate's zone); candidate kinds to the employer.
 */
export function composeForRecipient(kind: ComposeKind, parties: InterviewParties, context: BridgeContext): ComposeResult {
  const { organization, opening, candidate, panel, interview } = parties;
  const employerSide = kind.startsWith('employer_') || kind === 'reminder' || kind === 'position_filled' || kind === 'no_show_followup';
  const start = context.previousStart ?? interview.start ?? context.now;
  return composeMessage(
    kind,
    {
      candidateName: candidate.name,
      recipientName: employerSide ? candidate.name : (panel[0]?.name ?? `${organization.name} recruiting`),
      senderName: employerSide ? `${organization.name} recruiting` : candidate.name,
      companyName: organization.name,
      roleTitle: opening.title,
      interviewStart: start,
      now: context.now,
      timezone: employerSide ? candidate.timezone : organization.timezone,
      reason: context.reason,
      ...(context.proposedTimes && context.proposedTimes.length > 0 ? { proposedTimes: context.proposedTimes } : {}),
      ...(context.keepInTouch !== undefined ? { keepInTouch: context.keepInTouch } : {}),
      ...(context.referral ? { referral: context.referral } : {}),
      ...(organization.contactPhone ? { coordinatorPhone: organization.contactPhone } : {}),
      ...(context.link ? { links: { cancel: context.link, reschedule: context.link } } : {}),
      ...(interview.location ? { location: interview.location } : {}),
      ...(context.leaveBy ? { leaveBy: context.leaveBy } : {}),
    },
    { tone: 'warm' },
  );
}
