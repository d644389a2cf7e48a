import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** What the landing page shows in demo mode; null when the server runs without --demo. */
export type DemoProvider = () => unknown;

export function registerDemoRoutes(_app: OpenAPIHono<ServerEnv>, _demo?: DemoProvider): void {}
