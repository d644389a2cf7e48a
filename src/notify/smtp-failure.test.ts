import { describe, expect, it } from 'vitest';
import { InvalidEmailError } from './invalid-email-error.ts';
import { isPermanentSmtpFailure, SmtpDeliveryError } from './smtp-failure.ts';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('failed'), fields);

describe('isPermanentSmtpFailure', () => {
  it.each([
    ['550 mailbox unavailable', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }],
    ['554 transaction failed', { code: 'EMESSAGE', responseCode: 554, command: 'DATA' }],
    ['552 message too big', { code: 'EMESSAGE', responseCode: 552 }],
    ['nodemailer refusing an envelope locally', { code: 'EENVELOPE' }],
  ])('is permanent for %s', (_label, fields) => {
    expect(isPermanentSmtpFailure(smtpError(fields))).toBe(true);
    expect(new SmtpDeliveryError(smtpError(fields)).permanent).toBe(true);
  });

  it.each([
    ['451 greylisted', { code: 'EENVELOPE', responseCode: 451 }],
    ['421 service closing', { code: 'EPROTOCOL', responseCode: 421 }],
    ['452 mailbox full', { code: 'EMESSAGE', responseCode: 452 }],
    ['503 bad sequence', { code: 'EPROTOCOL', responseCode: 503 }],
    ['a refused connection', { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }],
    ['a timeout', { code: 'ETIMEDOUT' }],
    ['a dropped connection', { code: 'ECONNECTION' }],
    ['a DNS failure', { code: 'EDNS' }],
    ['bad credentials (535)', { code: 'EAUTH', responseCode: 535 }],
    ['a failed TLS handshake', { code: 'ETLS' }],
  ])('is transient for %s', (_label, fields) => {
    expect(isPermanentSmtpFailure(smtpError(fields))).toBe(false);
    expect(new SmtpDeliveryError(smtpError(fields)).permanent).toBe(false);
  });

  it('is permanent for an email we refused to send', () => {
    expect(isPermanentSmtpFailure(new InvalidEmailError('no recipient', 'to'))).toBe(true);
  });

  it('is transient for anything unknown, so nothing is given up on by mistake', () => {
    expect(isPermanentSmtpFailure(new Error('boom'))).toBe(false);
    expect(isPermanentSmtpFailure('550')).toBe(false);
    expect(isPermanentSmtpFailure(null)).toBe(false);
  });

  it('keeps the SMTP details and the cause', () => {
    const cause = smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' });
    const error = new SmtpDeliveryError(cause);
    expect(error).toMatchObject({
      name: 'SmtpDeliveryError',
      permanent: true,
      responseCode: 550,
      response: '550 5.1.1 No such user',
      code: 'EENVELOPE',
      command: 'RCPT TO',
      cause,
    });
  });
});
