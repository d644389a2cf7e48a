import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** Inbound calendar replies. */
export function registerInboundRoutes(_app: OpenAPIHono<ServerEnv>): void {}
