import { z } from '@hono/zod-openapi';
import type { ChangeRow } from '../../store/index.ts';
import { INTERVIEW_STATUSES } from '../../core/types.ts';
import { Instant } from './common.ts';

export const ChangeSchema = z
  .object({
    id: z.string().openapi({ description: 'The history entry; stable, so a poller can drop entries it has already shown.' }),
    at: Instant.openapi({ description: 'When the change was made.' }),
    action: z.string().openapi({
      description: 'What happened: invited, scheduled, accepted, rescheduled, new_times_requested, cancelled, declined, withdrawn, no_show, no_show_excused, late, completed, ended_early, panel_declined, panel_replaced, filled_from_waitlist …',
    }),
    side: z.enum(['candidate', 'employer', 'system']).openapi({ description: 'Whoever acted.' }),
    noticeClass: z.enum(['ample', 'adequate', 'late', 'missed']).nullable().openapi({ description: 'The notice the change gave; null when nothing was scheduled.' }),
    noticeHours: z.number().nullable(),
    reason: z.string().nullable().openapi({ description: 'The reason category, when one was given (never private notes).' }),
    interview: z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(INTERVIEW_STATUSES).openapi({ description: 'Its status now.' }),
      start: Instant.nullable().openapi({ description: 'Its start now (after a reschedule, the new time).' }),
      end: Instant.nullable(),
    }),
    candidate: z.object({ id: z.string(), name: z.string() }),
    opening: z.object({ id: z.string(), title: z.string() }),
  })
  .openapi('Change');

export function changeJson(row: ChangeRow): z.infer<typeof ChangeSchema> {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    side: row.actor,
    noticeClass: row.noticeClass,
    noticeHours: row.noticeHours,
    reason: row.reason,
    interview: {
      id: row.interviewId,
      title: row.interviewTitle,
      status: row.interviewStatus as (typeof INTERVIEW_STATUSES)[number],
      start: row.interviewStart?.toISOString() ?? null,
      end: row.interviewEnd?.toISOString() ?? null,
    },
    candidate: { id: row.candidateId, name: row.candidateName },
    opening: { id: row.openingId, title: row.openingTitle },
  };
}
