import type { Executor } from '../executor.ts';

/** Webhook subscriptions and the deliveries queued for them. */
export class WebhookRepository {
  constructor(private readonly db: Executor) {}
}
