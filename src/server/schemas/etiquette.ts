import { z } from '@hono/zod-openapi';
import {
  COMPOSE_KINDS,
  FINDING_CODES,
  JURISDICTIONS,
  MESSAGE_ELEMENTS,
  PROTECTED_TOPICS,
  SEVERITIES,
  TONES,
  VERDICTS,
} from '../../core/etiquette/index.ts';
import { Email, Instant, TimeZone, WebUrl } from './common.ts';

const Referral = z.object({ name: z.string().min(1).max(200), email: Email }).strict();

export const ComposeRequestSchema = z
  .object({
    kind: z.enum(COMPOSE_KINDS),
    tone: z.enum(TONES).optional(),
    context: z
      .object({
        candidateName: z.string().min(1).max(200),
        recipientName: z.string().max(200).optional(),
        senderName: z.string().max(200).optional(),
        companyName: z.string().min(1).max(200),
        roleTitle: z.string().min(1).max(200),
        interviewStart: Instant,
        now: Instant.optional().openapi({ description: 'Defaults to the server clock.' }),
        timezone: TimeZone,
        reason: z.string().min(1).max(100),
        proposedTimes: z.array(Instant).max(10).optional(),
        keepInTouch: z.boolean().optional(),
        referral: Referral.optional(),
        coordinatorPhone: z.string().max(50).optional(),
        links: z.object({ cancel: WebUrl.optional(), reschedule: WebUrl.optional() }).strict().optional(),
        location: z.string().max(500).optional(),
        leaveBy: Instant.optional(),
      })
      .strict(),
  })
  .strict()
  .openapi('ComposeRequest');

export const ComposeResponseSchema = z
  .object({
    subject: z.string(),
    body: z.string(),
    channel: z.enum(['email', 'phone']),
    phoneScript: z.array(z.string()).optional(),
    elements: z.array(z.enum(MESSAGE_ELEMENTS)),
    notice: z.enum(['ample', 'adequate', 'late', 'missed']),
  })
  .openapi('ComposeResponse');

export const ReviewRequestSchema = z
  .object({
    kind: z.enum(COMPOSE_KINDS),
    text: z.string().max(20_000),
    context: z
      .object({
        interviewStart: Instant.optional(),
        now: Instant.optional(),
        timezone: TimeZone.optional(),
        reason: z.string().max(100).optional(),
        calledAhead: z.boolean().optional(),
        referral: Referral.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('ReviewRequest');

export const ReviewResponseSchema = z
  .object({
    score: z.number().int().min(0).max(100),
    elements: z.object(Object.fromEntries(MESSAGE_ELEMENTS.map((e) => [e, z.boolean()])) as Record<(typeof MESSAGE_ELEMENTS)[number], z.ZodBoolean>),
    findings: z.array(
      z.object({
        code: z.enum(FINDING_CODES),
        severity: z.enum(SEVERITIES),
        message: z.string(),
        start: z.number().int().optional(),
        end: z.number().int().optional(),
        suggestion: z.string().optional(),
      }),
    ),
  })
  .openapi('ReviewResponse');

export const ScreenRequestSchema = z
  .object({ questions: z.array(z.string().min(1).max(2000)).min(1).max(200), jurisdiction: z.enum(JURISDICTIONS).optional() })
  .strict()
  .openapi('ScreenRequest');

export const ScreenResponseSchema = z
  .object({
    results: z.array(
      z.object({
        question: z.string(),
        verdict: z.enum(VERDICTS),
        topics: z.array(z.enum(PROTECTED_TOPICS)),
        explanation: z.string(),
        suggestion: z.string().optional(),
      }),
    ),
  })
  .openapi('ScreenResponse');
