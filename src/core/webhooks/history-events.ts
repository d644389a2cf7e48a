import type { Actor, NoticeClass } from '../types.ts';
import type { WebhookEventType } from './event-types.ts';

/** The part of a history line an event is derived from; its private note is deliberately not here. */
export interface HistoryLine {
  action: string;
  actor: Actor;
  noticeClass: NoticeClass | null;
  noticeHours: number | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

/**
 * The event a history line announces and the facts it carries besides the interview, which the store
 * adds as it stands after the change. Null when the line is no event of the API's (an invitation, a
 * request for other times, lateness, a concern, a hand-over to the coordinator).
 */
export interface HistoryEvent {
  type: WebhookEventType;
  facts: {
    actor: { side: Actor; memberId: string | null };
    noticeClass: NoticeClass | null;
    noticeHours: number | null;
    /** The reason category from the reasons table; never free text. */
    reason: string | null;
  } & Record<string, unknown>;
}

type Details = Record<string, unknown>;

/**
 * Per action: the event type and which details may leave the building. Details are picked one by one
 * (never passed through), so free text kept in a history line — a candidate's note to the recruiter, a
 * panelist's reason, a referral — cannot reach a webhook.
 */
const EVENTS: Record<string, { type: WebhookEventType; pick?: (details: Details) => Record<string, unknown>; actorMember?: (details: Details) => unknown }> = {
  scheduled: { type: 'interview.scheduled' },
  accepted: { type: 'interview.scheduled' },
  rescheduled: { type: 'interview.rescheduled', pick: (d) => ({ previousStart: d.from ?? null }) },
  cancelled: { type: 'interview.cancelled', pick: (d) => ({ openingEnded: d.openingEnded ?? null, calledAhead: d.calledAhead ?? null }) },
  declined: { type: 'interview.declined' },
  withdrawn: { type: 'interview.withdrawn', pick: (d) => ({ keepInTouch: d.keepInTouch ?? null }) },
  no_show: { type: 'interview.no_show', pick: (d) => ({ absent: { party: d.party ?? null, memberId: d.memberId ?? null } }) },
  completed: { type: 'interview.completed' },
  ended_early: { type: 'interview.ended_early', pick: (d) => ({ endedBy: d.by ?? null }) },
  panel_declined: { type: 'panel.declined', pick: (d) => ({ memberId: d.memberId ?? null }), actorMember: (d) => d.memberId },
  panel_replaced: { type: 'panel.replaced', pick: (d) => ({ from: d.from ?? null, to: d.to ?? null }) },
  filled_from_waitlist: { type: 'waitlist.filled', pick: (d) => ({ freedSlotId: d.freedSlotId ?? null, entryId: d.entryId ?? null }) },
};

/**
 * The webhook event of one history line, or null. Pure: the same line always gives the same event.
 *
 * @example
 * eventOfHistory({ action: 'cancelled', actor: 'candidate', noticeClass: 'late', noticeHours: 3, reason: 'illness', details: null })
 * // { type: 'interview.cancelled', facts: { actor: { side: 'candidate', memberId: null }, noticeClass: 'late', … } }
 */
export function eventOfHistory(line: HistoryLine): HistoryEvent | null {
  const event = EVENTS[line.action];
  if (!event) return null;
  const details = line.details ?? {};
  const member = event.actorMember?.(details);
  return {
    type: event.type,
    facts: {
      actor: { side: line.actor, memberId: typeof member === 'string' ? member : null },
      noticeClass: line.noticeClass,
      noticeHours: line.noticeHours,
      reason: line.reason,
      ...(event.pick ? event.pick(details) : {}),
    },
  };
}
