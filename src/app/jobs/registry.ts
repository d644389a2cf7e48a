import { WAITLIST_JOB_HANDLERS } from '../waitlist/jobs.ts';
import type { JobHandler } from './job-handler.ts';

export type { JobHandler } from './job-handler.ts';

/** Handlers by job kind. */
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register(kind: string, handler: JobHandler): this {
    if (this.handlers.has(kind)) throw new Error(`A handler for ${kind} is already registered.`);
    this.handlers.set(kind, handler);
    return this;
  }

  get(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }
}

/** Every job kind the application runs. Add a kind here (or register it on the returned registry). */
export function defaultJobRegistry(): JobRegistry {
  const registry = new JobRegistry();
  for (const [kind, handler] of Object.entries(WAITLIST_JOB_HANDLERS)) registry.register(kind, handler);
  return registry;
}
