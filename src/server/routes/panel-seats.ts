import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** A panelist declining their seat: from the employer's API and from the panelist's own link. */
export function registerPanelSeatRoutes(_app: OpenAPIHono<ServerEnv>): void {}
