import { z } from '@hono/zod-openapi';
import { MEMBER_ROLES } from '../../core/types.ts';
import { validateWorkingHours } from '../../core/working-hours.ts';
import { MAX_BUFFER_MINUTES } from '../../core/slots/index.ts';
import type { BusyBlock, Member } from '../../core/types.ts';
import { CalendarSourceListItemSchema } from './calendar.ts';
import { Email, Instant, Phone, TimeZone } from './common.ts';

const Interval = z.tuple([z.string(), z.string()]).openapi({ example: ['09:00', '17:00'] });
const Day = z.array(Interval).max(12);

export const WorkingHoursSchema = z
  .object({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day })
  .partial()
  .strict()
  .superRefine((hours, ctx) => {
    // The same rules as the use case, here so that one 400 lists them with every other field error.
    for (const error of validateWorkingHours(hours, '')) {
      ctx.addIssue({ code: 'custom', message: error.message, path: error.path.split('.').filter(Boolean) });
    }
  })
  .openapi('WorkingHours', { description: 'Local "HH:MM" intervals per weekday, in the member\'s time zone.' });

export const MemberInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: Email,
    role: z.enum(MEMBER_ROLES),
    timezone: TimeZone,
    phone: Phone.nullable().optional(),
    workingHours: WorkingHoursSchema,
    bufferMinutes: z.number().int().min(0).max(MAX_BUFFER_MINUTES).optional(),
    pools: z
      .array(z.string().trim().min(1).max(60))
      .max(20)
      .optional()
      .openapi({ description: 'Pool tags: members sharing a tag may stand in for each other on a panel.', example: ['backend-senior'] }),
    limits: z
      .object({ perDay: z.number().int().min(1).max(24).optional(), perWeek: z.number().int().min(1).max(100).optional() })
      .strict()
      .optional()
      .openapi({ description: 'The most interviews this member takes per day and per week, counted in their own zone.' }),
  })
  .strict()
  .openapi('MemberInput');

export const MemberPatchSchema = MemberInputSchema.partial()
  .extend({
    calendars: z
      .array(CalendarSourceListItemSchema)
      .max(20)
      .optional()
      .openapi({
        description:
          "Replaces the member's calendar sources. Keep one by its `id` (its busy times and password stay; a `password` or `label` given replaces its own); add one by `kind` and full `url`. Calendars left out are removed. A masked address (with \"…\") is refused with 400 VALIDATION.",
      }),
  })
  .strict()
  .openapi('MemberPatch');

export const MemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(MEMBER_ROLES),
    timezone: z.string(),
    phone: z.string().nullable(),
    workingHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
    bufferMinutes: z.number(),
    pools: z.array(z.string()),
    limits: z.object({ perDay: z.number().optional(), perWeek: z.number().optional() }),
    createdAt: Instant,
  })
  .openapi('Member');

export const BusyInputSchema = z
  .object({ start: Instant, end: Instant, title: z.string().max(200).nullable().optional() })
  .strict()
  .openapi('BusyInput');

export const BusySchema = z
  .object({ id: z.string(), memberId: z.string(), start: Instant, end: Instant, title: z.string().nullable() })
  .openapi('BusyBlock');

export function memberJson(member: Member) {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    timezone: member.timezone,
    phone: member.phone,
    workingHours: member.workingHours,
    bufferMinutes: member.bufferMinutes,
    pools: member.pools,
    limits: member.limits,
    createdAt: member.createdAt.toISOString(),
  };
}

export function busyJson(busy: BusyBlock) {
  return {
    id: busy.id,
    memberId: busy.memberId,
    start: busy.start.toISOString(),
    end: busy.end.toISOString(),
    title: busy.title,
  };
}
