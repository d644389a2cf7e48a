import { z } from '@hono/zod-openapi';
import { CONCERN_CATEGORIES } from '../../core/concerns.ts';
import { CANDIDATE_ACTIONS } from '../../core/decisions/candidate-actions.ts';
import { TONES } from '../../core/etiquette/index.ts';
import { EMAIL_KINDS } from '../../core/messages/index.ts';
import { CANDIDATE_REASONS } from '../../core/reasons.ts';
import { DRAFT_ACTIONS } from '../../app/interviews/candidate-drafts.ts';
import { Email, Instant } from './common.ts';
import { ReviewRequestSchema } from './etiquette.ts';
import { WorkingHoursSchema } from './member.ts';

export const NoticeClassSchema = z.enum(['ample', 'adequate', 'late', 'missed']);
const NoticeClass = NoticeClassSchema;

export const NoticeSchema = z
  .object({
    hoursUntilStart: z.number(),
    class: NoticeClass,
    advice: z.object({ channel: z.enum(['email', 'phone']), phone: z.string().optional(), text: z.string() }),
  })
  .openapi('Notice');

const NoticeScaleSchema = z
  .object({
    policy: z.object({ ampleHours: z.number(), adequateHours: z.number() }),
    bands: z.array(
      z.object({
        class: NoticeClass,
        fromHours: z.number().nullable().openapi({ description: "Where the band begins, in hours before the start (inclusive; the late band's 0 is exclusive); null for missed." }),
        toHours: z.number().nullable().openapi({ description: 'Where it ends (exclusive; 0 inclusive for missed); null for ample.' }),
        meaning: z.string(),
      }),
    ),
  })
  .openapi('NoticeScale', { description: "The organization's notice policy as the bands of a meter, most notice first; `notice.hoursUntilStart` places the needle." });

const ClockChangeSchema = z
  .object({
    zone: z.string(),
    at: Instant,
    offsetBefore: z.string().openapi({ example: '-04:00' }),
    offsetAfter: z.string().openapi({ example: '-05:00' }),
  })
  .openapi('ClockChange');

const VocabularySchema = z
  .object({
    reasons: z.array(z.object({ value: z.enum(CANDIDATE_REASONS), label: z.string(), emergency: z.boolean() })),
    concerns: z.array(z.object({ value: z.enum(CONCERN_CATEGORIES), label: z.string() })),
  })
  .openapi('CandidateVocabulary', { description: 'What the candidate may choose: reason categories (an emergency one also cancels after the start) and concern categories.' });

export const OutcomeSchema = z
  .object({
    recipients: z.array(
      z.object({
        audience: z.enum(['candidate', 'panelist', 'coordinator', 'hr']),
        kind: z.enum(EMAIL_KINDS as [string, ...string[]]),
        count: z.number().int().openapi({ description: 'People: one who gets an email per interview counts once.' }),
        emails: z.number().int(),
        names: z.array(z.string()),
        calendar: z.enum(['REQUEST', 'CANCEL']).nullable().openapi({ description: 'REQUEST adds or updates the calendar event; CANCEL removes it.' }),
      }),
    ),
    text: z.string().openapi({ example: 'You get an email and a calendar cancellation. The recruiting team gets an email. The 2 interviewers get an email each and a calendar cancellation.' }),
  })
  .openapi('CandidateActionOutcome', { description: 'What the action sent and to whom, from the emails written to the outbox.' });

export const CandidateViewSchema = z
  .object({
    interview: z.object({
      id: z.string(),
      status: z.string(),
      title: z.string(),
      start: Instant.nullable(),
      end: Instant.nullable(),
      durationMinutes: z.number(),
      candidateTimezone: z.string(),
      startLocal: z.string().nullable(),
      organizationTimezone: z.string(),
      startOrganizationLocal: z.string().nullable(),
      location: z.string().nullable(),
      videoUrl: z.string().nullable(),
      format: z.enum(['video', 'in_person', 'unspecified']).openapi({ description: 'video with a video link, in_person with a place, unspecified with neither.' }),
      panel: z.array(z.object({ name: z.string() })).openapi({ description: 'The interviewers, by name.' }),
      organization: z.object({ name: z.string(), contactPhone: z.string().nullable(), contactEmail: z.string().nullable() }),
      opening: z.object({ title: z.string() }),
    }),
    notice: NoticeSchema.nullable(),
    noticeScale: NoticeScaleSchema,
    clockChanges: z.array(ClockChangeSchema).openapi({ description: "Offset changes between now and the start, in the candidate's zone and the organization's (when another)." }),
    vocabulary: VocabularySchema,
    callFirst: z
      .object({ phone: z.string().openapi({ description: 'E.164' }), tel: z.string().openapi({ example: 'tel:+15550100' }), script: z.array(z.string()) })
      .optional()
      .openapi({ description: 'At short notice with a number on file: call before writing, and what to say.' }),
    actions: z.array(z.enum(CANDIDATE_ACTIONS)),
    offeredSlots: z.array(z.object({ start: Instant, end: Instant, startLocal: z.string() })).optional(),
    reasonableHours: z
      .object({ hours: WorkingHoursSchema, stated: z.boolean() })
      .openapi({ description: "The hours times are offered in, in the candidate's zone: their own when `stated`, else the organization's default." }),
    apologyPath: z.object({ text: z.string(), phone: z.string().nullable() }).optional(),
    actionNotice: NoticeSchema.nullable()
      .optional()
      .openapi({
        description:
          'After an action: the notice it gave, classified at that moment, with its advice told as done (at short notice, that a call still helps), not the advice given before acting.',
      }),
    phoneScript: z.array(z.string()).optional(),
    delivered: z.boolean().optional().openapi({ description: 'For a concern: whether it reached the organization.' }),
    outcome: OutcomeSchema.optional().openapi({ description: 'After an action that writes emails: who gets what.' }),
  })
  .openapi('CandidateView');

const DraftAction = z.enum(DRAFT_ACTIONS);
const Referral = z.object({ name: z.string().min(1).max(200), email: Email }).strict();

export const CandidateComposeSchema = z
  .object({
    action: DraftAction,
    reason: z.enum(CANDIDATE_REASONS).nullable().optional().openapi({ description: 'The category to state; without one, the draft states none.' }),
    tone: z.enum(TONES).optional(),
    keepInTouch: z.boolean().optional().openapi({ description: 'decline and withdraw only.' }),
    referral: Referral.nullable().optional().openapi({ description: 'decline only.' }),
    proposedTimes: z.array(Instant).max(3).optional().openapi({ description: "Times to propose; a reschedule without them proposes the panel's nearest free times." }),
  })
  .strict()
  .openapi('CandidateComposeRequest');

export const CandidateReviewSchema = z
  .object({
    action: DraftAction,
    text: ReviewRequestSchema.shape.text,
    reason: z.enum(CANDIDATE_REASONS).nullable().optional(),
    calledAhead: z.boolean().optional().openapi({ description: 'True once the candidate has phoned: a short-notice draft is then not flagged call_instead.' }),
    referral: Referral.nullable().optional(),
  })
  .strict()
  .openapi('CandidateReviewRequest');

export const CandidateTimesSchema = z
  .object({
    times: z.array(z.object({ start: Instant, startLocal: z.string(), label: z.string().openapi({ example: 'Thursday, December 3 at 3:00 PM CET' }) })),
  })
  .openapi('CandidateTimes', { description: "Nearest first, in the candidate's zone." });
