import { z } from '@hono/zod-openapi';
import type { CalendarSourceView } from '../../app/calendars/calendar-sources.ts';
import { Instant, Uuid } from './common.ts';

const CALENDAR_KINDS = ['ics', 'caldav'] as const;

const Kind = z.enum(CALENDAR_KINDS).openapi({ description: '`ics`: an iCalendar feed (a "secret address"); `caldav`: a CalDAV calendar collection.' });
const Url = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .openapi({
    example: 'https://calendar.google.com/calendar/ical/jo%40example.com/private-0123/basic.ics',
    description: 'http, https or webcal, in full; kept encrypted and never shown again in full. A masked address as the API shows it (with "…") is refused: keep a calendar by its `id` instead.',
  });
const Username = z.string().max(200).nullable().optional().openapi({ description: 'CalDAV user name (basic authentication).' });
const Password = z.string().max(500).nullable().optional().openapi({ description: 'CalDAV password or app password; kept encrypted, never returned.' });
const Label = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .nullable()
  .optional()
  .openapi({ example: 'Work (Google)', description: "The member's own name for the calendar, 1 to 80 characters; null for none." });

export const CalendarSourceInputSchema = z
  .object({ kind: Kind, url: Url, username: Username, password: Password, label: Label })
  .strict()
  .openapi('CalendarSourceInput');

export const CalendarSourceChangeSchema = z
  .object({
    label: Label,
    password: Password.openapi({ description: 'A new password (the calendar is read at once); null or empty removes it; left out, it is kept.' }),
  })
  .strict()
  .openapi('CalendarSourceChange');

/** An item of the list `PATCH /members/{id}` replaces a member's calendars with. */
export const CalendarSourceListItemSchema = z
  .object({
    id: Uuid.optional().openapi({ description: 'An existing calendar of this member, kept as it is with its busy times: `kind`, `url` and `username` may then be left out (given, they must be its own).' }),
    kind: Kind.optional(),
    url: Url.optional(),
    username: Username,
    password: Password.openapi({ description: 'A new password replaces the stored one and has the calendar read at once; left out, the stored one is kept.' }),
    label: Label.openapi({ description: 'The calendar\'s own name, 1 to 80 characters; null removes it; left out with an `id`, the label is kept.' }),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.id !== undefined) return;
    if (item.kind === undefined) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Give the kind of a new calendar, or the `id` of one to keep.' });
    if (item.url === undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give the full address of a new calendar, or the `id` of one to keep.' });
  })
  .openapi('CalendarSourceListItem', { description: 'A calendar to keep (by `id`) or to add or keep by its full address (`kind`, `url`, …).' });

export const CalendarSourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CALENDAR_KINDS),
    url: z.string().openapi({
      example: 'https://calendar.google.com/… #3a72',
      description: "Scheme and host, then a fingerprint (four hex digits of the SHA-256 of the whole address) that tells a member's calendars apart: a feed's path is its secret and never shown. Not an address to send back: keep a calendar by its `id`.",
    }),
    label: z.string().nullable().openapi({ example: 'Work (Google)', description: "The member's own name for the calendar." }),
    username: z.string().nullable(),
    hasPassword: z.boolean(),
    status: z.enum(['pending', 'ok', 'error']).openapi({ description: '`pending` until the first sync.' }),
    lastSyncAt: Instant.nullable(),
    lastSuccessAt: Instant.nullable(),
    error: z.string().nullable().openapi({ description: 'Why the last sync failed, in words; the busy times of the last good sync are kept.' }),
    warning: z
      .string()
      .nullable()
      .openapi({ description: 'What the last good read left out, in words: a calendar with more busy times or recurrences than Leeway reads keeps the earliest ones. Null when nothing was left out.' }),
    busyCount: z.number().int().openapi({ description: 'Busy intervals read at the last good sync.' }),
    nextSyncAt: Instant,
  })
  .openapi('CalendarSource');

export function calendarSourceJson(source: CalendarSourceView) {
  return {
    id: source.id,
    kind: source.kind,
    url: source.url,
    label: source.label,
    username: source.username,
    hasPassword: source.hasPassword,
    status: source.status,
    lastSyncAt: source.lastSyncAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    error: source.error,
    warning: source.warning,
    busyCount: source.busyCount,
    nextSyncAt: source.nextSyncAt.toISOString(),
  };
}
