import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** Cancellations and the two-sided summary, computed in SQL over the history. */
export function registerAnalyticsRoutes(_app: OpenAPIHono<ServerEnv>): void {}
