import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** The organization's feed of changes to interviews, newest first, for the dashboard. */
export function registerChangeFeedRoutes(_app: OpenAPIHono<ServerEnv>): void {}
