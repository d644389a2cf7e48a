import { z } from '@hono/zod-openapi';
import { PHONE_FORMAT_MESSAGE, normalizePhone, phoneError } from '../../app/validation.ts';
import { isValidTimeZone } from '../../core/zoned-time.ts';

const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2200-01-01T00:00:00Z');

export const Instant = z.iso
  .datetime({ offset: true, error: 'Use an ISO 8601 instant with its offset or Z, such as 2026-12-01T15:00:00Z.' })
  .refine((value) => {
    const ms = Date.parse(value);
    // Text that is no instant at all is answered by the format's own message alone.
    return Number.isNaN(ms) || (ms >= EARLIEST && ms < LATEST);
  }, 'Instants must fall between the years 2000 and 2199.')
  .openapi({ example: '2026-12-01T15:00:00Z', description: 'ISO 8601 instant with an offset or Z.' });

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, 'Unknown time zone; use an IANA name such as Europe/London.')
  .openapi({ example: 'Europe/London', description: 'IANA time zone, in any case; stored and shown in its IANA spelling (america/new_york → America/New_York).' });

/** A phone number: checked here with every other field, normalised to E.164 by the use case. */
export const Phone = z
  .string()
  .max(50)
  .superRefine((value, ctx) => {
    if (value.trim() !== '' && normalizePhone(value) === null) ctx.addIssue({ code: 'custom', message: phoneError(value) });
  })
  .openapi({
    example: '+44 20 7946 0000',
    description: `Stored in E.164 (+442079460000); blank or null means none. ${PHONE_FORMAT_MESSAGE}`,
  });

/** Links put in front of people: web addresses only (no javascript: or data: URLs). */
export const WebUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const Id = z.string().openapi({ example: '6f1c2c1e-0a53-4a8e-9d7e-0b4b1d7c2f10' });

export const Email = z.email().max(320);

/** An id in a path, a query or a body: every place answers a malformed one with the same 400 field error. */
export const Uuid = z.uuid('Not an id: ids are UUIDs such as 6f1c2c1e-0a53-4a8e-9d7e-0b4b1d7c2f10.');

export const IdParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    busyPanelists: z
      .array(z.object({ memberId: z.string(), reasons: z.array(z.string()) }))
      .optional()
      .openapi({
        description: 'SLOT_TAKEN: which panelists are busy then, and why: calendar, busy (a busy block), interview; none when only several together (buffers meeting) make them busy.',
      }),
    outsidePanelists: z
      .array(z.object({ memberId: z.string() }))
      .optional()
      .openapi({ description: 'OUTSIDE_AVAILABILITY: which panelists the time falls outside the working hours of.' }),
  })
  .openapi('Problem');

export const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** What each error status means in this API, for the responses of the OpenAPI document. */
export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: every field error at once, in `errors`',
  401: 'No valid API key or session (code UNAUTHORIZED)',
  403: 'A session change without its X-CSRF-Token',
  404: 'No such record in this organization, or no such link',
  405: 'The path does not answer this method; see Allow',
  409: 'Conflict: taken, illegal in the current state, a duplicate or a reused Idempotency-Key',
  413: 'The body is larger than 256 KiB',
  415: 'The body is not JSON',
  422: 'Outside the availability of the people involved',
  429: 'Too many attempts',
};

export function problems(...statuses: number[]): Record<number, { description: string; content: typeof problemContent }> {
  return Object.fromEntries(statuses.map((s) => [s, { description: PROBLEM_DESCRIPTIONS[s] ?? 'Problem', content: problemContent }]));
}

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      description:
        'Replays with the same key and body return the stored response. The request, its key and its answer are kept in one transaction: after a crash a retry is either replayed or runs afresh. A second request with the same key waits for the first and gets its answer.',
    }),
});
