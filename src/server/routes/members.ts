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
import { IdParam, IdempotencyHeader, Instant, problems } from '../schemas/common.ts';
import {
  BusyInputSchema,
  BusySchema,
  MemberInputSchema,
  MemberPatchSchema,
  MemberSchema,
  busyJson,
  memberJson,
} from '../schemas/member.ts';

const security = [{ Bearer: [] }];
const tags = ['members'];
const memberContent = { 'application/json': { schema: MemberSchema } };

const createMemberRoute = createRoute({
  method: 'post',
  path: '/api/v1/members',
  tags,
  summary: 'Add an interviewer, recruiter or admin',
  security,
  request: {
    headers: IdempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: MemberInputSchema } } },
  },
  responses: { 201: { description: 'Created', content: memberContent }, ...problems(400, 401, 409) },
});

const listMembersRoute = createRoute({
  method: 'get',
  path: '/api/v1/members',
  tags,
  summary: 'All members of the organization',
  security,
  responses: {
    200: { description: 'Members', content: { 'application/json': { schema: z.object({ members: z.array(MemberSchema) }) } } },
    ...problems(401),
  },
});

const getMemberRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}',
  tags,
  summary: 'One member',
  security,
  request: { params: IdParam },
  responses: { 200: { description: 'The member', content: memberContent }, ...problems(400, 401, 404) },
});

const patchMemberRoute = createRoute({
  method: 'patch',
  path: '/api/v1/members/{id}',
  tags,
  summary: 'Change a member',
  security,
  request: {
    params: IdParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: MemberPatchSchema } } },
  },
  responses: { 200: { description: 'The member', content: memberContent }, ...problems(400, 401, 404, 409) },
});

const addBusyRoute = createRoute({
  method: 'post',
  path: '/api/v1/members/{id}/busy',
  tags,
  summary: 'Mark a member busy for a time',
  security,
  request: {
    params: IdParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: BusyInputSchema } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: BusySchema } } },
    ...problems(400, 401, 404),
  },
});

const listBusyRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}/busy',
  tags,
  summary: "A member's busy blocks overlapping a window",
  security,
  request: { params: IdParam, query: z.object({ from: Instant, to: Instant }) },
  responses: {
    200: { description: 'Busy blocks', content: { 'application/json': { schema: z.object({ busy: z.array(BusySchema) }) } } },
    ...problems(400, 401, 404),
  },
});

const deleteBusyRoute = createRoute({
  method: 'delete',
  path: '/api/v1/members/{id}/busy/{busyId}',
  tags,
  summary: 'Remove a busy block',
  security,
  request: {
    params: z.object({ id: z.uuid(), busyId: z.uuid().openapi({ param: { name: 'busyId', in: 'path' } }) }),
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
    const members = await listMembers(c.get('ctx'), c.get('organizationId'));
    return c.json({ members: members.map(memberJson) }, 200);
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
    const { from, to } = c.req.valid('query');
    const busy = await listBusyBlocks(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, {
      from: new Date(from),
      to: new Date(to),
    });
    return c.json({ busy: busy.map(busyJson) }, 200);
  });

  app.openapi(deleteBusyRoute, async (c) => {
    const { id, busyId } = c.req.valid('param');
    await deleteBusyBlock(c.get('ctx'), c.get('organizationId'), id, busyId);
    return c.body(null, 204);
  });
}
