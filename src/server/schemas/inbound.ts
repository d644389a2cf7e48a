import { z } from '@hono/zod-openapi';
import { PARTSTATS, REPLY_EFFECTS } from '../../core/inbound/reply-terms.ts';
import type { AttendeeView } from '../../app/inbound/attendees.ts';
import type { InboundReply } from '../../store/repositories/inbound-replies.ts';
import { Instant, Uuid } from './common.ts';
import { Limit, NextCursor, cursorParam } from './pagination.ts';

const Role = z.enum(['candidate', 'panelist']);

export const ReplySchema = z
  .object({
    id: z.string(),
    receivedAt: Instant,
    via: z.enum(['smtp', 'http']),
    from: z.string().nullable().openapi({ description: "The From header's address: who the reply says it is from." }),
    messageId: z.string().nullable(),
    method: z.string().nullable().openapi({ description: 'The iTIP method: REPLY or COUNTER for a reply; anything else is ignored.' }),
    uid: z.string().nullable(),
    interviewId: z.string().nullable(),
    attendee: z.object({ email: z.string(), role: Role, memberId: z.string().nullable() }).nullable().openapi({ description: 'The attendee the sender is, when they are one.' }),
    partstat: z.enum(PARTSTATS).nullable(),
    proposedStart: Instant.nullable().openapi({ description: 'For a COUNTER: the time proposed.' }),
    proposedEnd: Instant.nullable(),
    outcome: z.enum(['applied', 'ignored']),
    effect: z.enum(REPLY_EFFECTS).nullable().openapi({
      description:
        'What an applied reply did: seat_replaced / seat_proposed / seat_coordinator (a panelist declined: the panel-seat replacement), cancelled (the candidate declined), recorded (accepted or tentative), reschedule_requested (a COUNTER: the recruiter has the proposed time; nothing moved).',
    }),
    ignoredBecause: z.string().nullable().openapi({ description: 'Why an ignored reply changed nothing, in words.' }),
  })
  .openapi('InboundReply');

export function replyJson(reply: InboundReply): z.infer<typeof ReplySchema> {
  return {
    id: reply.id,
    receivedAt: reply.receivedAt.toISOString(),
    via: reply.via,
    from: reply.from,
    messageId: reply.messageId,
    method: reply.method,
    uid: reply.uid,
    interviewId: reply.interviewId,
    attendee: reply.attendee,
    partstat: reply.partstat,
    proposedStart: reply.proposedStart?.toISOString() ?? null,
    proposedEnd: reply.proposedEnd?.toISOString() ?? null,
    outcome: reply.outcome,
    effect: reply.effect,
    ignoredBecause: reply.ignoredBecause,
  };
}

export const ReplyPageSchema = z.object({ replies: z.array(ReplySchema), nextCursor: NextCursor }).openapi('InboundReplyPage');

export const RepliesQuery = z.object({
  interviewId: Uuid.optional().openapi({ param: { name: 'interviewId', in: 'query' }, description: 'Only the replies about this interview.' }),
  limit: Limit,
  cursor: cursorParam(true),
});

export const InboundSecretSchema = z
  .object({
    secret: z.string().openapi({ description: 'Shown once: present it as `Authorization: Bearer <secret>` to POST /api/v1/inbound/email. The previous secret stops working now.' }),
    address: z.string().openapi({ description: 'The scheduling address: the ORGANIZER of every invitation, where calendar replies go.' }),
  })
  .openapi('InboundSecret');

export const InboundSettingsSchema = z
  .object({
    address: z.string().openapi({ description: 'The scheduling address (LEEWAY_MAIL_FROM): the ORGANIZER of every invitation, so where calendar clients send replies.' }),
    secretSet: z.boolean(),
    secretCreatedAt: Instant.nullable(),
    http: z.object({
      url: z.string().openapi({ description: 'Where a mail provider forwards replies: raw MIME, Content-Type message/rfc822, with the inbound secret as a bearer token.' }),
      maxMessageBytes: z.number().int(),
    }),
    smtp: z.object({
      listening: z.boolean().openapi({ description: 'Whether this server runs the SMTP listener (leeway serve --smtp-port).' }),
      host: z.string().nullable().openapi({ description: 'The address the listener is bound to; null when it is not running.' }),
      port: z.number().int().nullable().openapi({ description: 'The port the listener is bound to; null when it is not running.' }),
      recipients: z.array(z.string()).openapi({ description: 'The only addresses the SMTP listener accepts mail for.' }),
      maxMessageBytes: z.number().int(),
      howTo: z.string(),
    }),
  })
  .openapi('InboundSettings');

export const AttendeeSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: Role,
    memberId: z.string().nullable(),
    partstat: z.enum(PARTSTATS),
    repliedAt: Instant.nullable(),
  })
  .openapi('Attendee');

export function attendeeJson(attendee: AttendeeView): z.infer<typeof AttendeeSchema> {
  return { ...attendee, repliedAt: attendee.repliedAt?.toISOString() ?? null };
}
