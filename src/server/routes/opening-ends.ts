import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** Filling or closing an opening, and the cascade that tells every remaining candidate. */
export function registerOpeningEndRoutes(_app: OpenAPIHono<ServerEnv>): void {}
