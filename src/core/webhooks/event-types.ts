/**
 * Every event a webhook can subscribe to, with the sentence the API and the dashboard show for it. The
 * one table: the types accepted in a subscription, the event-types endpoint and the docs all come from it.
 */
export const WEBHOOK_EVENT_TYPES = [
  { type: 'interview.scheduled', description: 'An interview got a time: booked by a recruiter, chosen by the candidate, or claimed from the waitlist.' },
  { type: 'interview.rescheduled', description: 'An interview moved to another time, by either side.' },
  { type: 'interview.cancelled', description: 'An interview was cancelled, by either side or because its opening was filled or closed.' },
  { type: 'interview.declined', description: 'The candidate declined an invitation.' },
  { type: 'interview.withdrawn', description: 'The candidate withdrew from the process; their remaining interviews end.' },
  { type: 'interview.no_show', description: 'Someone did not come: the candidate or a panelist.' },
  { type: 'interview.completed', description: 'An interview took place and was marked complete.' },
  { type: 'interview.ended_early', description: 'An interview was ended before its time was up.' },
  { type: 'panel.declined', description: 'A panelist declined their seat on an interview.' },
  { type: 'panel.replaced', description: 'A stand-in took the seat a panelist declined.' },
  { type: 'opening.filled', description: 'An opening was filled; its remaining interviews are cancelled.' },
  { type: 'opening.closed', description: 'An opening was closed without a hire; its remaining interviews are cancelled.' },
  { type: 'waitlist.offered', description: 'Freed time was offered to a candidate on the waitlist.' },
  { type: 'waitlist.filled', description: 'A candidate on the waitlist claimed freed time, and the interview is booked.' },
  { type: 'webhook.test', description: 'A test event, sent only when asked for with "send test event".' },
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]['type'];

const KNOWN = new Set<string>(WEBHOOK_EVENT_TYPES.map((entry) => entry.type));

export function isWebhookEventType(value: string): value is WebhookEventType {
  return KNOWN.has(value);
}

/** The types a subscription may ask for: all but the test event, which goes only to the endpoint it is sent to. */
export const SUBSCRIBABLE_EVENT_TYPES = WEBHOOK_EVENT_TYPES.map((entry) => entry.type).filter((type) => type !== 'webhook.test');

/** What a delivery's body is: the Standard Webhooks shape. `timestamp` is when the event happened. */
export interface WebhookEventBody {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The queues an endpoint's deliveries wait in. `events` is the event stream, sent in the order it
 * happened: a delivery waits while an older one is pending. `test` holds "send test event" deliveries,
 * which are not part of that stream: a failing test event never holds up a real one, nor the other way.
 */
export const WEBHOOK_LANES = ['events', 'test'] as const;
export type WebhookLane = (typeof WEBHOOK_LANES)[number];

export function laneOf(type: string): WebhookLane {
  return type === 'webhook.test' ? 'test' : 'events';
}
