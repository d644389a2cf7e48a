import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DemoLanding } from '../../app/demo/seed-demo.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { Instant, problems } from '../schemas/common.ts';
import { jsonContent, publicOperation } from '../schemas/route-helpers.ts';

/**
 * What the landing page shows in demo mode, once the demo is ready (the promise settles when it is);
 * absent when the server runs without --demo.
 */
export type DemoProvider = () => Promise<DemoLanding>;

const CandidateLinkSchema = z
  .object({
    label: z.string(),
    noticeClass: z
      .enum(['ample', 'adequate', 'late', 'missed'])
      .nullable()
      .openapi({ description: "The notice a change made now would give, by the organization's policy; null for an invitation to pick a time." }),
    hoursAhead: z.number().nullable().openapi({ description: 'Hours from now to the start; null for an invitation.' }),
    url: z.string(),
    candidateName: z.string(),
    candidateTimezone: z.string(),
  })
  .openapi('DemoCandidateLink');

const OfferLinkSchema = z
  .object({
    label: z.string(),
    url: z.string(),
    candidateName: z.string(),
    candidateTimezone: z.string(),
    start: Instant.openapi({ description: 'The freed time offered.' }),
    expiresAt: Instant.openapi({ description: 'When the offer lapses unless claimed.' }),
  })
  .openapi('DemoOfferLink');

const DemoSchema = z
  .object({
    organization: z.object({ name: z.string(), timezone: z.string() }),
    signIn: z.object({ email: z.string(), password: z.string() }).openapi({ description: "The demo recruiter's dashboard sign-in, fixed and for the demo only." }),
    candidateLinks: z.array(CandidateLinkSchema),
    offerLinks: z.array(OfferLinkSchema).openapi({ description: 'A waitlist offer of freed time to claim; empty when none could be made at this start.' }),
  })
  .openapi('Demo');

const demoRoute = createRoute({
  method: 'get',
  path: '/api/v1/demo',
  operationId: 'getDemo',
  tags: ['demo'],
  security: publicOperation,
  summary: 'In demo mode, the demo sign-in and fresh candidate links for the landing page',
  description: 'Answers only when the server runs with --demo; otherwise 404.',
  responses: { 200: { description: 'The demo', content: jsonContent(DemoSchema) }, ...problems(404) },
});

export function registerDemoRoutes(app: OpenAPIHono<ServerEnv>, demo?: DemoProvider): void {
  app.openapi(demoRoute, async (c) => {
    if (!demo) throw new DomainError('NOT_FOUND', 'This server runs without a demo (start it with --demo).');
    return c.json(await demo(), 200);
  });
}
