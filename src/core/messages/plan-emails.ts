import type { InterviewChange } from '../decisions/interview-change.ts';
import { hadEvent } from '../decisions/interview-change.ts';
import type { Audience, EmailKind, Mailbox, PlannedEmail } from './email-kinds.ts';

export interface Recipients {
  candidate: Mailbox & { timezone: string };
  panel: Array<Mailbox & { id: string; timezone: string }>;
  /** Who hears what a candidate does: the organization's contact, else a recruiter; null when nobody. */
  coordinator: (Mailbox & { timezone: string }) | null;
  /** Who reads a confidential concern: HR, else the coordinator. */
  hr: (Mailbox & { timezone: string }) | null;
  /** Who answers the candidate: the organization's contact or the recruiter who acted; null when nobody. */
  candidateReplyTo: Mailbox | null;
  /** The sending address, Reply-To of last resort. */
  sender: Mailbox;
  /** Panelists who left the panel with this change (a declined seat a stand-in took). */
  former?: Array<Mailbox & { id: string; timezone: string }>;
}

export interface PlanOptions {
  /** For a withdrawal of several interviews: false for all but the one the link belongs to. */
  primary?: boolean;
}

/**
 * Which emails a change sends, to whom, with which calendar part. The calendar rule is the whole of it:
 * whoever holds the event (it had a time) gets a CANCEL when it goes and a REQUEST when it moves; nobody
 * who never received an event gets a CANCEL.
 */
export function planEmails(change: InterviewChange, to: Recipients, options: PlanOptions = {}): PlannedEmail[] {
  const primary = options.primary ?? true;
  const held = hadEvent(change);
  const plan: PlannedEmail[] = [];
  const candidate = (kind: EmailKind, calendar: PlannedEmail['calendar'] = null) =>
    plan.push({
      kind,
      audience: 'candidate',
      to: { name: to.candidate.name, address: to.candidate.address },
      timezone: to.candidate.timezone,
      replyTo: to.candidateReplyTo ?? to.sender,
      canReply: to.candidateReplyTo !== null,
      calendar,
    });
  const panelist = (member: Recipients['panel'][number], kind: EmailKind, calendar: PlannedEmail['calendar']) =>
    plan.push({
      kind,
      audience: 'panelist',
      to: { name: member.name, address: member.address },
      timezone: member.timezone,
      replyTo: to.coordinator ?? to.sender,
      canReply: to.coordinator !== null,
      calendar,
      memberId: member.id,
    });
  const panel = (kind: EmailKind, calendar: PlannedEmail['calendar']) => {
    for (const member of to.panel) {
      plan.push({
        kind,
        audience: 'panelist',
        to: { name: member.name, address: member.address },
        timezone: member.timezone,
        replyTo: to.coordinator ?? to.sender,
        canReply: to.coordinator !== null,
        calendar,
        memberId: member.id,
      });
    }
  };
  const staff = (kind: EmailKind, audience: Audience, reader: Recipients['coordinator']) => {
    if (!reader) return;
    plan.push({
      kind,
      audience,
      to: { name: reader.name, address: reader.address },
      timezone: reader.timezone,
      // The recruiting team answers the candidate directly.
      replyTo: { name: to.candidate.name, address: to.candidate.address },
      canReply: true,
      calendar: null,
    });
  };

  switch (change.kind) {
    case 'invited':
      candidate('invitation');
      break;
    case 'reminder_due':
      candidate('reminder');
      break;
    case 'booked':
      candidate('confirmation', 'REQUEST');
      panel('panel_invitation', 'REQUEST');
      break;
    case 'moved':
      candidate(change.by === 'candidate' ? 'moved_by_candidate' : 'moved_by_employer', 'REQUEST');
      panel('panel_moved', 'REQUEST');
      break;
    case 'times_requested':
      candidate('new_times', held ? 'CANCEL' : null);
      if (held) panel('panel_time_withdrawn', 'CANCEL');
      staff('coordinator_new_times', 'coordinator', to.coordinator);
      break;
    case 'cancelled':
      if (change.by === 'candidate') {
        candidate('cancellation_confirmation', held ? 'CANCEL' : null);
        staff('coordinator_cancellation', 'coordinator', to.coordinator);
      } else {
        candidate(held ? 'employer_cancellation' : 'invitation_withdrawn', held ? 'CANCEL' : null);
      }
      if (held) panel('panel_cancellation', 'CANCEL');
      break;
    case 'declined':
      candidate('decline_confirmation');
      staff('coordinator_decline', 'coordinator', to.coordinator);
      break;
    case 'withdrawn':
      if (primary) {
        candidate('withdrawal_confirmation', held ? 'CANCEL' : null);
        staff('coordinator_withdrawal', 'coordinator', to.coordinator);
      } else if (held) {
        candidate('withdrawal_calendar_update', 'CANCEL');
      }
      if (held) panel('panel_withdrawal', 'CANCEL');
      break;
    case 'no_show':
      if (change.absent?.party === 'interviewer') {
        candidate('interviewer_no_show_apology');
        staff('coordinator_no_show', 'coordinator', to.coordinator);
      } else {
        candidate('no_show_followup');
      }
      break;
    case 'concern':
      staff('concern', 'hr', to.hr);
      break;
    case 'panel_replaced': {
      // Only that seat changes: the stand-in is invited, the decliner released, the others and the
      // candidate get the event with the new panel (the candidate hears only the new name).
      const seat = change.seat!;
      for (const member of to.panel) {
        panelist(member, member.id === seat.replacement ? 'panel_seat_offered' : 'panel_updated', 'REQUEST');
      }
      const decliner = (to.former ?? []).find((m) => m.id === seat.declined);
      if (decliner && held) panelist(decliner, 'panel_seat_released', 'CANCEL');
      if (held) candidate('panel_change_candidate', 'REQUEST');
      break;
    }
    case 'panel_declined': {
      // Nothing has moved: the decliner keeps the event until the coordinator acts; the candidate hears nothing.
      const seat = change.seat!;
      const decliner = to.panel.find((m) => m.id === seat.declined);
      if (decliner) panelist(decliner, 'panel_decline_received', null);
      if (to.coordinator) {
        const reader = to.coordinator;
        plan.push({
          kind: seat.handedOver ? 'coordinator_seat_handover' : 'coordinator_seat_proposals',
          audience: 'coordinator',
          to: { name: reader.name, address: reader.address },
          timezone: reader.timezone,
          // A reply reaches the panelist who declined, the one to settle it with.
          replyTo: decliner ? { name: decliner.name, address: decliner.address } : to.sender,
          canReply: decliner !== undefined,
          calendar: null,
        });
      }
      break;
    }
    case 'completed':
    case 'ended_early':
      break;
  }
  return plan;
}
