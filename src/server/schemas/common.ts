import { z } from '@hono/zod-openapi';

export const Instant = z.iso
  .datetime({ offset: true })
  .openapi({ example: '2026-12-01T15:00:00Z', description: 'ISO 8601 instant with an offset or Z.' });

export const TimeZone = z.string().min(1).max(64).openapi({ example: 'Europe/London', description: 'IANA time zone.' });

export const Id = z.string().openapi({ example: '6f1c2c1e-0a53-4a8e-9d7e-0b4b1d7c2f10' });

export const Email = z.email().max(320);

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

export function problems(...statuses: number[]): Record<number, { description: string; content: typeof problemContent }> {
  return Object.fromEntries(statuses.map((s) => [s, { description: 'Problem', content: problemContent }]));
}

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'Replays with the same key and body return the stored response.' }),
});
