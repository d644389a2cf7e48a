import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** Members' own calendar sources (ICS feeds and CalDAV) and their sync state. */
export function registerCalendarRoutes(_app: OpenAPIHono<ServerEnv>): void {}
