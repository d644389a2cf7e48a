import { z } from '@hono/zod-openapi';
import type { Organization } from '../../core/types.ts';
import { Email, Instant, Phone, TimeZone } from './common.ts';
import { WorkingHoursSchema } from './member.ts';

/** Either threshold may be changed alone; the other keeps its value. */
export const NoticePolicySchema = z
  .object({
    ampleHours: z.number().min(0.25).max(24 * 365),
    adequateHours: z.number().min(0.25).max(24 * 365),
  })
  .partial()
  .strict();

export const OrganizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    hrContactEmail: z.string().nullable(),
    noticePolicy: z.object({ ampleHours: z.number(), adequateHours: z.number() }),
    reminders: z.array(z.number()).openapi({
      description: 'Hours before a scheduled interview at which the candidate is reminded. Each reminder is written when its time comes, from the interview as it is then, with a fresh link.',
    }),
    candidateHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))).openapi({
      description: "Reasonable hours for candidates who state none, in each candidate's own zone (default weekdays 08:00–20:00).",
    }),
    offerMinutes: z.number().openapi({ description: 'How long a waitlist offer of freed time stands.' }),
    offerFanout: z.number().openapi({ description: 'How many waitlist entries are offered the same freed time at once.' }),
    replaceHours: z.number().openapi({ description: 'Closer than this to the start, a declined panel seat goes to the coordinator.' }),
    createdAt: Instant,
  })
  .openapi('Organization');

export const OrganizationPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    timezone: TimeZone,
    contactEmail: Email.nullable(),
    contactPhone: Phone.nullable(),
    hrContactEmail: Email.nullable(),
    noticePolicy: NoticePolicySchema,
    reminders: z
      .array(z.number().positive().max(24 * 30))
      .max(10)
      .openapi({ description: 'Hours before each interview to remind the candidate (e.g. [48, 24]); applies to every interview whose reminder time has not come yet.' }),
    offerMinutes: z.number().int().min(5).max(10080),
    offerFanout: z.number().int().min(1).max(20),
    replaceHours: z.number().min(0).max(24 * 30),
    candidateHours: WorkingHoursSchema.openapi({ description: "Times are offered to candidates only inside these local hours (their zone); a weekday left out is a day off." }),
  })
  .partial()
  .strict()
  .openapi('OrganizationPatch');

export function organizationJson(organization: Organization) {
  return { ...organization, createdAt: organization.createdAt.toISOString() };
}
