import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { findFreePanelSlots } from '../../app/slots.ts';
import type { ServerEnv } from '../env.ts';
import { Instant, Uuid, problems } from '../schemas/common.ts';
import { jsonContent, security } from '../schemas/route-helpers.ts';

const SlotsQuery = z.object({
  members: z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      // Each id is checked like an id in a path, so `members=abc` is a 400 here as `/members/abc` is.
      for (const id of value.split(',').map((part) => part.trim()).filter(Boolean)) {
        if (!Uuid.safeParse(id).success) ctx.addIssue({ code: 'custom', message: `"${id.slice(0, 60)}" is not a member id: ids are UUIDs.` });
      }
    })
    .openapi({ description: 'Comma-separated member ids: the whole panel.' }),
  durationMinutes: z.coerce.number().int().min(5).max(1440),
  from: Instant,
  to: Instant,
  stepMinutes: z.coerce.number().int().min(5).max(1440).optional(),
});

const slotsRoute = createRoute({
  method: 'get', path: '/api/v1/slots', operationId: 'findSlots', tags: ['slots'], security,
  summary: 'Times when every listed member is free',
  description: 'Inside each member\'s working hours in their own zone, not busy, not booked (buffers kept), on the step grid of the window\'s start.',
  request: { query: SlotsQuery },
  responses: {
    200: { description: 'Slots, sorted', content: jsonContent(z.object({ slots: z.array(z.object({ start: Instant, end: Instant })) })) },
    ...problems(400, 401, 404),
  },
});

export function registerSlotRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(slotsRoute, async (c) => {
    const query = c.req.valid('query');
    const slots = await findFreePanelSlots(c.get('ctx').store, c.get('organizationId'), {
      memberIds: query.members.split(',').map((id) => id.trim()).filter(Boolean),
      durationMinutes: query.durationMinutes,
      from: new Date(query.from),
      to: new Date(query.to),
      ...(query.stepMinutes ? { stepMinutes: query.stepMinutes } : {}),
    });
    return c.json({ slots: slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })) }, 200);
  });
}
