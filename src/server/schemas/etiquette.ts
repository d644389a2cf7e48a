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
  reasonProblem,
} from '../../core/etiquette/index.ts';
import { Email, Instant, TimeZone, WebUrl } from './common.ts';

const Referral = z.object({ name: z.string().min(1).max(200), email: Email }).strict();

const MAX_POLICY_HOURS = 24 * 366;
const NoticePolicy = z
  .object({
    ampleHours: z.number().min(0).max(MAX_POLICY_HOURS).openapi({ description: 'At least this many hours before the start is ample notice.' }),
    adequateHours: z.number().min(0).max(MAX_POLICY_HOURS).openapi({ description: 'At least this many hours is adequate; less is short notice.' }),
  })
  .strict()
  .refine((p) => p.ampleHours > 0 && p.ampleHours >= p.adequateHours, 'ampleHours must be above 0 and at least adequateHours.')
  .openapi({ description: "The organization's notice thresholds; defaults to 48 and 24 hours." });

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
        interviewStart: Instant.openapi({ description: 'The interview time the message is about; for employer_reschedule, the time moved from.' }),
        now: Instant.optional().openapi({ description: 'Defaults to the server clock.' }),
        timezone: TimeZone,
        reason: z
          .string()
          .min(1)
          .max(100)
          .optional()
          .openapi({
            description:
              "The sender's own reason code: a candidate reason for candidate_* kinds, an employer reason otherwise. Without one, no reason is stated. Required only for candidate_end_early_followup.",
          }),
        proposedTimes: z.array(Instant).max(10).optional(),
        newStart: Instant.optional().openapi({ description: 'employer_reschedule only: the time the interview has already moved to; the message announces the move as done.' }),
        teamTimezone: TimeZone.optional().openapi({ description: "The team's zone: a new time is also written in it." }),
        noticePolicy: NoticePolicy.optional(),
        keepInTouch: z.boolean().optional(),
        referral: Referral.optional(),
        coordinatorPhone: z.string().max(50).optional().openapi({ description: 'Without it no message mentions a call, and the channel is email.' }),
        links: z.object({ cancel: WebUrl.optional(), reschedule: WebUrl.optional() }).strict().optional(),
        location: z.string().max(500).optional(),
        videoUrl: WebUrl.optional(),
        leaveBy: Instant.optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((body, ctx) => {
    // The same rule as the composer's: a reason from the sender's side that fits the kind.
    const problem = reasonProblem(body.kind, body.context.reason);
    if (problem) ctx.addIssue({ code: 'custom', path: ['context', 'reason'], message: problem });
  })
  .openapi('ComposeRequest');

export const ComposeResponseSchema = z
  .object({
    subject: z.string(),
    body: z.string(),
    channel: z.enum(['email', 'phone']),
    phoneScript: z.array(z.string()).optional(),
    elements: z.array(z.enum(MESSAGE_ELEMENTS)),
    notice: z.enum(['ample', 'adequate', 'late', 'missed']),
    advice: z.string().openapi({ description: 'For the sender: how to send it, from the notice left and the contact data that exist.' }),
  })
  .openapi('ComposeResponse');

export const ReviewRequestSchema = z
  .object({
    kind: z.enum(COMPOSE_KINDS),
    text: z
      .string()
      .max(20_000)
      .refine((text) => text.trim() !== '', 'text is empty: give the draft to review.'),
    context: z
      .object({
        interviewStart: Instant.optional(),
        now: Instant.optional(),
        timezone: TimeZone.optional(),
        reason: z.string().max(100).optional(),
        calledAhead: z.boolean().optional(),
        noticePolicy: NoticePolicy.optional(),
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
