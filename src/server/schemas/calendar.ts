import { z } from '@hono/zod-openapi';
import type { CalendarSourceView } from '../../app/calendars/calendar-sources.ts';
import { Instant } from './common.ts';

const CALENDAR_KINDS = ['ics', 'caldav'] as const;

export const CalendarSourceInputSchema = z
  .object({
    kind: z.enum(CALENDAR_KINDS).openapi({ description: '`ics`: an iCalendar feed (a "secret address"); `caldav`: a CalDAV calendar collection.' }),
    url: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .openapi({ example: 'https://calendar.google.com/calendar/ical/jo%40example.com/private-0123/basic.ics', description: 'http, https or webcal; kept encrypted and never shown again in full.' }),
    username: z.string().max(200).nullable().optional().openapi({ description: 'CalDAV user name (basic authentication).' }),
    password: z.string().max(500).nullable().optional().openapi({ description: 'CalDAV password or app password; kept encrypted, never returned.' }),
  })
  .strict()
  .openapi('CalendarSourceInput');

export const CalendarSourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CALENDAR_KINDS),
    url: z.string().openapi({ example: 'https://calendar.google.com/…', description: 'Scheme and host only: a feed\'s path is its secret.' }),
    username: z.string().nullable(),
    hasPassword: z.boolean(),
    status: z.enum(['pending', 'ok', 'error']).openapi({ description: '`pending` until the first sync.' }),
    lastSyncAt: Instant.nullable(),
    lastSuccessAt: Instant.nullable(),
    error: z.string().nullable().openapi({ description: 'Why the last sync failed, in words; the busy times of the last good sync are kept.' }),
    busyCount: z.number().int().openapi({ description: 'Busy intervals read at the last good sync.' }),
    nextSyncAt: Instant,
  })
  .openapi('CalendarSource');

export function calendarSourceJson(source: CalendarSourceView) {
  return {
    id: source.id,
    kind: source.kind,
    url: source.url,
    username: source.username,
    hasPassword: source.hasPassword,
    status: source.status,
    lastSyncAt: source.lastSyncAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    error: source.error,
    busyCount: source.busyCount,
    nextSyncAt: source.nextSyncAt.toISOString(),
  };
}
