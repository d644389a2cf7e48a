import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  addBusyBlock,
  createMember,
  deleteBusyBlock,
  getMember,
  listBusyBlocks,
  listMembers,
  updateMember,
} from '../../app/members.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, IdempotencyHeader, Instant, Uuid, problems } from '../schemas/common.ts';
import {
  BusyInputSchema,
  BusySchema,
  MemberInputSchema,
  MemberPatchSchema,
  MemberSchema,
  busyJson,
  memberJson,
} from '../schemas/member.ts';
import { Limit, NextCursor, cursorParam, decodeCursor, pageOf, pageRequest } from '../schemas/pagination.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';

const tags = ['members'];
const memberContent = jsonContent(MemberSchema);

const createMemberRoute = createRoute({
  method: 'post',
  path: '/api/v1/members',
  operationId: 'createMember',
  tags,
  summary: 'Add an interviewer, recruiter or admin',
  security,
  request: jsonBody(MemberInputSchema),
  responses: { 201: { description: 'Created', content: memberContent }, ...problems(400, 401, 409) },
});

const listMembersRoute = createRoute({
  method: 'get',
  path: '/api/v1/members',
  operationId: 'listMembers',
  tags,
  summary: 'Members of the organization, in the order they were added',
  security,
  request: { query: z.object({ limit: Limit, cursor: cursorParam() }) },
  responses: {
    200: { description: 'A page of members', content: jsonContent(z.object({ members: z.array(MemberSchema), nextCursor: NextCursor })) },
    ...problems(400, 401),
  },
});

const getMemberRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}',
  operationId: 'getMember',
  tags,
  summary: 'One member',
  security,
  request: { params: IdParam },
  responses: { 200: { description: 'The member', content: memberContent }, ...problems(400, 401, 404) },
});

const patchMemberRoute = createRoute({
  method: 'patch',
  path: '/api/v1/members/{id}',
  operationId: 'updateMember',
  tags,
  summary: 'Change a member',
  security,
  request: { params: IdParam, ...jsonBody(MemberPatchSchema) },
  responses: { 200: { description: 'The member', content: memberContent }, ...problems(400, 401, 404, 409) },
});

const addBusyRoute = createRoute({
  method: 'post',
  path: '/api/v1/members/{id}/busy',
  operationId: 'addBusyBlock',
  tags,
  summary: 'Mark a member busy for a time',
  security,
  request: { params: IdParam, ...jsonBody(BusyInputSchema) },
  responses: {
    201: { description: 'Created', content: jsonContent(BusySchema) },
    ...problems(400, 401, 404),
  },
});

const listBusyRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}/busy',
  operationId: 'listBusyBlocks',
  tags,
  summary: "A member's busy blocks overlapping a window, by start",
  security,
  request: { params: IdParam, query: z.object({ from: Instant, to: Instant, limit: Limit, cursor: cursorParam(true) }) },
  responses: {
    200: { description: 'A page of busy blocks', content: jsonContent(z.object({ busy: z.array(BusySchema), nextCursor: NextCursor })) },
    ...problems(400, 401, 404),
  },
});

const deleteBusyRoute = createRoute({
  method: 'delete',
  path: '/api/v1/members/{id}/busy/{busyId}',
  operationId: 'deleteBusyBlock',
  tags,
  summary: 'Remove a busy block',
  security,
  request: {
    params: z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }), busyId: Uuid.openapi({ param: { name: 'busyId', in: 'path' } }) }),
    headers: IdempotencyHeader,
  },
  responses: { 204: { description: 'Removed' }, ...problems(400, 401, 404) },
});

export function registerMemberRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(createMemberRoute, async (c) => {
    const member = await createMember(c.get('ctx'), c.get('organizationId'), c.req.valid('json'));
    return c.json(memberJson(member), 201);
  });

  app.openapi(listMembersRoute, async (c) => {
    const query = c.req.valid('query');
    const page = pageOf(await listMembers(c.get('ctx'), c.get('organizationId'), pageRequest(query)), query.limit, (member) => ({ id: member.id }));
    return c.json({ members: page.items.map(memberJson), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(getMemberRoute, async (c) => {
    const member = await getMember(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    return c.json(memberJson(member), 200);
  });

  app.openapi(patchMemberRoute, async (c) => {
    const member = await updateMember(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(memberJson(member), 200);
  });

  app.openapi(addBusyRoute, async (c) => {
    const body = c.req.valid('json');
    const busy = await addBusyBlock(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, {
      start: new Date(body.start),
      end: new Date(body.end),
      title: body.title ?? null,
    });
    return c.json(busyJson(busy), 201);
  });

  app.openapi(listBusyRoute, async (c) => {
    const { from, to, limit, cursor } = c.req.valid('query');
    const position = cursor ? decodeCursor(cursor, true) : null;
    const busy = await listBusyBlocks(
      c.get('ctx'),
      c.get('organizationId'),
      c.req.valid('param').id,
      { from: new Date(from), to: new Date(to) },
      { limit: limit + 1, ...(position?.at ? { after: { start: new Date(position.at), id: position.id } } : {}) },
    );
    const page = pageOf(busy, limit, (block) => ({ id: block.id, at: block.start.toISOString() }));
    return c.json({ busy: page.items.map(busyJson), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(deleteBusyRoute, async (c) => {
    const { id, busyId } = c.req.valid('param');
    await deleteBusyBlock(c.get('ctx'), c.get('organizationId'), id, busyId);
    return c.body(null, 204);
  });
}
