import { afterAll, beforeAll } from 'vitest';
import type { OpenStore } from '../../store/index.ts';
import type { TestEngine } from '../../store/testing/engines.ts';
import { DEFAULT_APP_CONFIG } from '../context.ts';
import type { AppContext } from '../context.ts';
import { createOrganization } from '../organizations.ts';

/** An app context on a fresh store with an organization, Acme (UTC), and one open opening. */
export interface OrganizationWithOpening {
  opened: OpenStore;
  ctx: AppContext;
  org: string;
  openingId: string;
}

/**
 * Opens the engine's store before the suite's tests, with the clock stopped at `now`, and closes it
 * after them; the fields are there once the suite's own `beforeAll` hooks run.
 *
 * @example
 * const acme = useOrganizationWithOpening(engine, NOW); it('…', () => createInterview(acme.ctx, acme.org, …));
 */
export function useOrganizationWithOpening(engine: TestEngine, now: Date): OrganizationWithOpening {
  const acme = {} as OrganizationWithOpening;
  beforeAll(async () => {
    acme.opened = await engine.open();
    acme.ctx = { store: acme.opened.store, clock: () => now, config: DEFAULT_APP_CONFIG };
    acme.org = (await createOrganization(acme.ctx, { name: 'Acme', timezone: 'UTC' })).organization.id;
    acme.openingId = (await acme.ctx.store.openings.create(acme.org, { title: 'Platform Engineer' })).id;
  });
  afterAll(async () => {
    await acme.opened?.close();
  });
  return acme;
}
