import type { WebhookEventToQueue } from '../../store/repositories/webhooks.ts';

/**
 * The events that are not history lines of an interview, shaped in one place: the use cases that cause
 * them queue these in their own transaction (`store.webhooks.enqueue`), so an event exists if and only if
 * its change commits. Interview and panel events come from the history instead (see
 * `core/webhooks/history-events.ts`).
 */

/** `opening.filled` or `opening.closed`: the opening, and the hire if there is one. */
export function openingEndedEvent(
  opening: { id: string; title: string },
  end: { how: 'filled' | 'closed'; hiredCandidateId: string | null },
  at: Date,
): WebhookEventToQueue {
  return {
    type: end.how === 'filled' ? 'opening.filled' : 'opening.closed',
    at,
    data: { opening: { id: opening.id, title: opening.title, status: end.how }, hiredCandidateId: end.hiredCandidateId, endedAt: at.toISOString() },
  };
}

/** `waitlist.offered`: who was offered which freed time, until when. The offer link is never included. */
export function waitlistOfferedEvent(
  offer: { id: string; entryId: string; freedSlotId: string; offeredAt: Date; expiresAt: Date },
  offered: { candidateId: string; start: Date; end: Date },
  opening: { id: string; title: string },
): WebhookEventToQueue {
  return {
    type: 'waitlist.offered',
    at: offer.offeredAt,
    data: {
      offer: {
        id: offer.id,
        entryId: offer.entryId,
        freedSlotId: offer.freedSlotId,
        candidateId: offered.candidateId,
        start: offered.start.toISOString(),
        end: offered.end.toISOString(),
        expiresAt: offer.expiresAt.toISOString(),
      },
      opening: { id: opening.id, title: opening.title },
    },
  };
}
