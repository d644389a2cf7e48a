import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { addCalendarSource, changeCalendarSource, deleteCalendarSource, listCalendarSources, syncCalendarSourceNow } from '../../app/calendars/calendar-sources.ts';
import type { ServerEnv } from '../env.ts';
import { CalendarSourceChangeSchema, CalendarSourceInputSchema, CalendarSourceSchema, calendarSourceJson } from '../schemas/calendar.ts';
import { IdParam, IdempotencyHeader, Uuid, problems } from '../schemas/common.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';

const tags = ['members'];
const SourceParams = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' } }),
  sourceId: Uuid.openapi({ param: { name: 'sourceId', in: 'path' } }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}/calendars',
  operationId: 'listCalendarSources',
  tags,
  summary: "A member's own calendars with their last sync and error",
  security,
  request: { params: IdParam },
  responses: {
    200: { description: "The member's calendar sources", content: jsonContent(z.object({ calendars: z.array(CalendarSourceSchema) })) },
    ...problems(400, 401, 404),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/members/{id}/calendars',
  operationId: 'addCalendarSource',
  tags,
  summary: "Add a calendar whose busy times count against the member's availability; read at once",
  security,
  request: { params: IdParam, ...jsonBody(CalendarSourceInputSchema) },
  responses: { 201: { description: 'Added, due for its first sync', content: jsonContent(CalendarSourceSchema) }, ...problems(400, 401, 404, 503) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/members/{id}/calendars/{sourceId}',
  operationId: 'deleteCalendarSource',
  tags,
  summary: 'Remove a calendar and the busy times read from it',
  security,
  request: { params: SourceParams, headers: IdempotencyHeader },
  responses: { 204: { description: 'Removed' }, ...problems(400, 401, 404) },
});

const changeRoute = createRoute({
  method: 'patch',
  path: '/api/v1/members/{id}/calendars/{sourceId}',
  operationId: 'changeCalendarSource',
  tags,
  summary: "Rename one calendar or change its password, leaving the member's other calendars as they are",
  security,
  request: { params: SourceParams, ...jsonBody(CalendarSourceChangeSchema) },
  responses: { 200: { description: 'The calendar after the change', content: jsonContent(CalendarSourceSchema) }, ...problems(400, 401, 404, 503) },
});

const syncRoute = createRoute({
  method: 'post',
  path: '/api/v1/members/{id}/calendars/{sourceId}/sync',
  operationId: 'syncCalendarSource',
  tags,
  summary: 'Read the calendar now; answers with its state after the attempt',
  security,
  request: { params: SourceParams, headers: IdempotencyHeader },
  responses: { 200: { description: 'The source after the sync attempt', content: jsonContent(CalendarSourceSchema) }, ...problems(400, 401, 404) },
});

/** Members' own calendar sources (ICS feeds and CalDAV) and their sync state. */
export function registerCalendarRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(listRoute, async (c) => {
    const sources = await listCalendarSources(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    return c.json({ calendars: sources.map(calendarSourceJson) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    const source = await addCalendarSource(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(calendarSourceJson(source), 201);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    await deleteCalendarSource(c.get('ctx'), c.get('organizationId'), id, sourceId);
    return c.body(null, 204);
  });

  app.openapi(changeRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const source = await changeCalendarSource(c.get('ctx'), c.get('organizationId'), id, sourceId, c.req.valid('json'));
    return c.json(calendarSourceJson(source), 200);
  });

  app.openapi(syncRoute, async (c) => {
    const { id, sourceId } = c.req.valid('param');
    const source = await syncCalendarSourceNow(c.get('ctx'), c.get('organizationId'), id, sourceId);
    return c.json(calendarSourceJson(source), 200);
  });
}
