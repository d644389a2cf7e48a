import { z } from '@hono/zod-openapi';
import { CANDIDATE_MOVE_REASONS, CANDIDATE_REASONS, EMPLOYER_MOVE_REASONS, EMPLOYER_REASONS } from '../../core/reasons.ts';
import { INTERVIEW_STATUSES } from '../../core/types.ts';
import type { Candidate, HistoryEntry, Interview, Opening } from '../../core/types.ts';
import type { InterviewLabels } from '../../store/index.ts';
import type { Seat } from '../../app/interviews/dashboard-views.ts';
import { Email, Instant, Phone, TimeZone, Uuid, WebUrl } from './common.ts';

export const OpeningInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    department: z.string().max(200).nullable().optional(),
    location: z.string().max(500).nullable().optional(),
  })
  .strict()
  .openapi('OpeningInput');

export const OpeningSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    department: z.string().nullable(),
    location: z.string().nullable(),
    status: z.enum(['open', 'filled', 'closed']),
    endedAt: Instant.nullable().openapi({ description: 'When it was filled or closed.' }),
    hiredCandidateId: z.string().nullable(),
    createdAt: Instant,
  })
  .openapi('Opening');

export const CandidateInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: Email,
    phone: Phone.nullable().optional(),
    timezone: TimeZone,
  })
  .strict()
  .openapi('CandidateInput');

export const CandidateSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), phone: z.string().nullable(), timezone: z.string(), createdAt: Instant })
  .openapi('Candidate');

export const InterviewInputSchema = z
  .object({
    openingId: Uuid,
    candidateId: Uuid,
    title: z.string().trim().min(1).max(200),
    durationMinutes: z.number().int().min(5).max(1440),
    panel: z.array(Uuid).min(1).max(20),
    location: z
      .string()
      .max(500)
      .nullable()
      .optional()
      .openapi({ description: "Where it is held. Left out, the opening's location, unless a videoUrl is given: a video call takes no place of its own." }),
    videoUrl: WebUrl.nullable().optional(),
    start: Instant.optional(),
    offer: z
      .object({ from: Instant.optional(), to: Instant.optional(), count: z.number().int().min(1).max(20).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('InterviewInput');

const SlotSchema = z.object({ start: Instant, end: Instant });

export const HistoryEntrySchema = z
  .object({
    at: Instant,
    actor: z.enum(['candidate', 'employer', 'system']),
    action: z.string(),
    noticeHours: z.number().nullable().optional(),
    noticeClass: z.enum(['ample', 'adequate', 'late', 'missed']).nullable().optional(),
    reason: z.string().nullable().optional(),
    privateNote: z.string().nullable().openapi({ description: "The employer's own internal note on this change; never the candidate's, and never sent or in the changes feed." }),
    messageId: z.string().nullable().optional(),
    details: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .openapi('HistoryEntry');

export const InterviewSchema = z
  .object({
    id: z.string(),
    status: z.enum(INTERVIEW_STATUSES),
    title: z.string(),
    durationMinutes: z.number(),
    start: Instant.nullable(),
    end: Instant.nullable(),
    panel: z.array(z.string()),
    candidateId: z.string(),
    openingId: z.string(),
    uid: z.string(),
    sequence: z.number(),
    location: z.string().nullable(),
    videoUrl: z.string().nullable(),
    offeredSlots: z.array(SlotSchema),
    createdAt: Instant,
    updatedAt: Instant,
    candidateLink: z.string().optional().openapi({ description: 'Only in the response that created the interview.' }),
    withinCandidateHours: z.boolean().optional().openapi({
      description:
        "Only in the answer to a booking with a start or to a reschedule: whether the time is inside the candidate's reasonable hours (theirs if stated, else the organization's default), in their zone. A time outside them is booked all the same; this is a warning, never a refusal.",
    }),
    history: z.array(HistoryEntrySchema).optional(),
    candidate: z
      .object({ id: z.string(), name: z.string(), timezone: z.string() })
      .optional()
      .openapi({ description: 'Who is interviewed (in lists and on one interview).' }),
    opening: z.object({ id: z.string(), title: z.string() }).optional().openapi({ description: 'For which opening (in lists and on one interview).' }),
    panelMembers: z
      .array(z.object({ id: z.string(), name: z.string(), timezone: z.string() }))
      .optional()
      .openapi({ description: 'The panel by name, in panel order (in lists and on one interview).' }),
    seats: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          timezone: z.string(),
          status: z.enum(['booked', 'declined', 'replaced', 'not_booked']).openapi({
            description:
              'booked: holds the time; declined: declined the seat and not replaced yet; replaced: a stand-in took the seat (listed after the panel); not_booked: the interview holds no time.',
          }),
        }),
      )
      .optional()
      .openapi({ description: 'Each panel seat and where it stands (on one interview only).' }),
  })
  .openapi('Interview');

export const EmployerCancelSchema = z
  .object({
    reason: z.enum(EMPLOYER_REASONS),
    note: z.string().max(2000).nullable().optional().openapi({ description: "Internal; never sent. Kept as privateNote in the interview's history." }),
    message: z.string().max(5000).nullable().optional().openapi({ description: 'Words of your own, added to the message.' }),
  })
  .strict()
  .openapi('EmployerCancel');

export const RescheduleSchema = z
  .object({
    start: Instant,
    reason: z.enum(EMPLOYER_MOVE_REASONS).optional().openapi({ description: 'A reason that ends the opening goes with a cancellation, not a move.' }),
  })
  .strict()
  .openapi('EmployerReschedule');

export const NoShowSchema = z
  .object({ party: z.enum(['candidate', 'interviewer']), memberId: Uuid.nullable().optional() })
  .strict()
  .openapi('NoShow');

export const EndEarlySchema = z
  .object({ by: z.enum(['candidate', 'interviewer']), reason: z.string().min(1).max(100), note: z.string().max(5000).nullable().optional() })
  .strict()
  .openapi('EndEarly');

export const CandidateReasonSchema = z.enum(CANDIDATE_REASONS);
/** A candidate's reason for moving: not one that leaves the process (that is a cancel, decline or withdrawal). */
export const CandidateMoveReasonSchema = z.enum(CANDIDATE_MOVE_REASONS);

export function openingJson(opening: Opening) {
  return {
    id: opening.id,
    title: opening.title,
    department: opening.department,
    location: opening.location,
    status: opening.status,
    endedAt: opening.endedAt?.toISOString() ?? null,
    hiredCandidateId: opening.hiredCandidateId,
    createdAt: opening.createdAt.toISOString(),
  };
}

export function candidateJson(candidate: Candidate) {
  return {
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    timezone: candidate.timezone,
    createdAt: candidate.createdAt.toISOString(),
  };
}

/**
 * The employer's view of history: their own internal notes included (a cancellation's note is kept here),
 * the candidate's private notes never (the candidate is told they are not shared).
 */
export function historyJson(entry: HistoryEntry) {
  return {
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    noticeHours: entry.noticeHours,
    noticeClass: entry.noticeClass,
    reason: entry.reason,
    privateNote: entry.actor === 'employer' ? entry.privateNote : null,
    messageId: entry.messageId,
    details: entry.details,
  };
}

export function interviewJson(interview: Interview, extra: { candidateLink?: string; history?: HistoryEntry[]; labels?: InterviewLabels; seats?: Seat[] } = {}) {
  return {
    id: interview.id,
    status: interview.status,
    title: interview.title,
    durationMinutes: interview.durationMinutes,
    start: interview.start?.toISOString() ?? null,
    end: interview.end?.toISOString() ?? null,
    panel: interview.panel,
    candidateId: interview.candidateId,
    openingId: interview.openingId,
    uid: interview.uid,
    sequence: interview.sequence,
    location: interview.location,
    videoUrl: interview.videoUrl,
    offeredSlots: interview.offeredSlots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
    createdAt: interview.createdAt.toISOString(),
    updatedAt: interview.updatedAt.toISOString(),
    ...(extra.candidateLink ? { candidateLink: extra.candidateLink } : {}),
    ...(extra.history ? { history: extra.history.map(historyJson) } : {}),
    ...(extra.labels ? { candidate: extra.labels.candidate, opening: extra.labels.opening, panelMembers: extra.labels.panel } : {}),
    ...(extra.seats ? { seats: extra.seats } : {}),
  };
}
