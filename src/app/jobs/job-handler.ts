import type { Job, Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';

/**
 * One kind of background work. It runs inside a transaction (`store`), which also marks the job done:
 * its effects commit if and only if the job is finished, and a job whose lease was lost meanwhile rolls
 * back. A job may still run again after a crash, so a handler re-reads the state it acts on.
 */
export type JobHandler = (input: { ctx: AppContext; store: Store; job: Job }) => Promise<void>;
