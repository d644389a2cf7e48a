import type { ChangeFilter, ChangeRow } from '../store/index.ts';
import type { AppContext } from './context.ts';

/**
 * The organization's changes to interviews, newest first: who acted, with which notice and reason
 * category. A dashboard polls it; private notes are never part of it.
 */
export function listChanges(ctx: AppContext, organizationId: string, filter: ChangeFilter): Promise<ChangeRow[]> {
  return ctx.store.dashboard.changes(organizationId, filter);
}
