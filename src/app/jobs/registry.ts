import type { Job, Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { WAITLIST_JOB_HANDLERS } from '../waitlist/jobs.ts';

/**
 * One kind of background work. It runs inside a transaction (`store`), which also marks the job done:
 * its effects commit if and only if the job is finished, and a job whose lease was lost meanwhile rolls
 * back. A job may still run again after a crash, so a handler re-reads the state it acts on.
 */
export type JobHandler = (input: { ctx: AppContext; store: Store; job: Job }) => Promise<void>;

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
