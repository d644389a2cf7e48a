import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { formatSecret, secretKey, signatureHeader, signDelivery } from './signature.ts';

// The test vector published with the Standard Webhooks reference libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('webhook signatures', () => {
  it('matches the published Standard Webhooks test vector', () => {
    expect(signDelivery(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('changes with any byte of the id, the timestamp or the body', () => {
    expect(signDelivery(VECTOR.secret, 'msg_other', VECTOR.timestamp, VECTOR.body)).not.toBe(VECTOR.signature);
    expect(signDelivery(VECTOR.secret, VECTOR.id, VECTOR.timestamp + 1, VECTOR.body)).not.toBe(VECTOR.signature);
    expect(signDelivery(VECTOR.secret, VECTOR.id, VECTOR.timestamp, '{"test": 2432232315}')).not.toBe(VECTOR.signature);
  });

  it('is accepted by the standardwebhooks library, with either secret during a rotation', () => {
    const now = Math.floor(Date.now() / 1000);
    const oldSecret = formatSecret(Buffer.alloc(32, 1));
    const newSecret = formatSecret(Buffer.alloc(32, 2));
    const body = JSON.stringify({ type: 'webhook.test', timestamp: new Date().toISOString(), data: {} });
    const header = signatureHeader([newSecret, oldSecret], 'msg_1', now, body);
    expect(header.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now), 'webhook-signature': header };
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(newSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(formatSecret(Buffer.alloc(32, 3))).verify(body, headers)).toThrow();
  });

  it('refuses a secret without the whsec_ prefix or with too few bytes', () => {
    expect(() => secretKey('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toThrow(TypeError);
    expect(() => secretKey(formatSecret(Buffer.alloc(8)))).toThrow(TypeError);
  });
});
