import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { getOrganization, updateOrganization } from '../../app/organizations.ts';
import type { ServerEnv } from '../env.ts';
import { problems } from '../schemas/common.ts';
import { OrganizationPatchSchema, OrganizationSchema, organizationJson } from '../schemas/organization.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';
import { completeWorkingHours } from '../../core/working-hours.ts';

const json = jsonContent(OrganizationSchema);

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/organization',
  operationId: 'getOrganization',
  tags: ['organization'],
  summary: 'The organization of the API key or session',
  security,
  responses: { 200: { description: 'The organization', content: json }, ...problems(401) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/v1/organization',
  operationId: 'updateOrganization',
  tags: ['organization'],
  summary: 'Change name, time zone, contacts, notice policy or reminders',
  security,
  request: jsonBody(OrganizationPatchSchema),
  responses: { 200: { description: 'The updated organization', content: json }, ...problems(400, 401, 409) },
});

export function registerOrganizationRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(getRoute, async (c) => {
    const organization = await getOrganization(c.get('ctx'), c.get('organizationId'));
    return c.json(organizationJson(organization), 200);
  });

  app.openapi(patchRoute, async (c) => {
    const { candidateHours, ...patch } = c.req.valid('json');
    const organization = await updateOrganization(c.get('ctx'), c.get('organizationId'), {
      ...patch,
      ...(candidateHours ? { candidateHours: completeWorkingHours(candidateHours) } : {}),
    });
    return c.json(organizationJson(organization), 200);
  });
}
