import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';

/** Webhook subscriptions (Standard Webhooks), their delivery log and test events. */
export function registerWebhookRoutes(_app: OpenAPIHono<ServerEnv>): void {}
