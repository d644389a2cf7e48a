import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** The waitlist of an opening and the candidates' claims of freed time. */
export function registerWaitlistRoutes(_app: OpenAPIHono<ServerEnv>): void {}
