/**
 * The email telling an organization's contact that one of its webhook endpoints was disabled: which
 * endpoint, why, what was kept, and how to turn it back on. Rendered only from these facts.
 */
export interface DisabledNoticeFacts {
  organizationName: string;
  /** The endpoint's id, for turning it back on through the API. */
  webhookId: string;
  url: string;
  description: string | null;
  reason: string;
  /** Deliveries kept for the endpoint, sent once it is turned back on. */
  pendingDeliveries: number;
}

export function renderDisabledNotice(facts: DisabledNoticeFacts): { subject: string; text: string } {
  const named = facts.description ? `${facts.description} (${facts.url})` : facts.url;
  const kept =
    facts.pendingDeliveries === 0
      ? 'No other events are waiting for it.'
      : `${facts.pendingDeliveries} event${facts.pendingDeliveries === 1 ? ' is' : 's are'} kept for it and will be sent, in order, once it is turned back on.`;
  const text = [
    'Hello,',
    '',
    `Leeway has stopped sending webhook events for ${facts.organizationName} to ${named}.`,
    '',
    `Why: ${facts.reason}`,
    '',
    `${kept} Events that happen while it is off are not kept.`,
    '',
    `When the endpoint is fixed, turn it back on from the dashboard or with PATCH /api/v1/webhooks/${facts.webhookId} and {"status": "active"}. The delivery log (GET /api/v1/webhooks/${facts.webhookId}/deliveries) shows every attempt and what the endpoint answered.`,
    '',
    'Leeway',
  ].join('\n');
  return { subject: `Webhook endpoint disabled: ${facts.url}`, text };
}
