import { describe, expect, it } from 'vitest';
import { renderDisabledNotice } from './disabled-notice.ts';

describe('renderDisabledNotice', () => {
  const facts = { organizationName: 'Acme', webhookId: 'w-1', url: 'https://ats.example.com/in', description: 'ATS', reason: 'The endpoint answered 410 Gone.', pendingDeliveries: 2 };

  it('names the endpoint, the reason, what is kept and how to turn it back on', () => {
    const { subject, text } = renderDisabledNotice(facts);
    expect(subject).toBe('Webhook endpoint disabled: https://ats.example.com/in');
    expect(text).toContain('ATS (https://ats.example.com/in)');
    expect(text).toContain('Why: The endpoint answered 410 Gone.');
    expect(text).toContain('2 events are kept for it');
    expect(text).toContain('PATCH /api/v1/webhooks/w-1');
  });

  it('says so when nothing is waiting, in the singular when one is', () => {
    expect(renderDisabledNotice({ ...facts, pendingDeliveries: 0 }).text).toContain('No other events are waiting for it.');
    expect(renderDisabledNotice({ ...facts, pendingDeliveries: 1 }).text).toContain('1 event is kept');
  });
});
