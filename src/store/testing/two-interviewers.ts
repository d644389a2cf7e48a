import { afterAll, beforeAll } from 'vitest';
import type { OpenStore, Store } from '../index.ts';
import type { TestEngine } from './engines.ts';
import { recordQueries } from './query-log.ts';
import type { QueryLog } from './query-log.ts';

/** Mondays 09:00–17:00: the working hours of the interviewers these fixtures add. */
export const MONDAYS_NINE_TO_FIVE = { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } as const;

/** Adds an interviewer in UTC working Mondays nine to five; their id. */
export async function addInterviewer(store: Store, org: string, name: string): Promise<string> {
  return (await store.members.create(org, { name, email: `${name}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: structuredClone(MONDAYS_NINE_TO_FIVE) as never })).id;
}

/** A store with an organization, Acme, and two interviewers, ann and bob; statements recorded on `log`. */
export interface TwoInterviewers {
  opened: OpenStore;
  store: Store;
  log: QueryLog;
  org: string;
  ann: string;
  bob: string;
}

/**
 * Opens the engine's store before the suite's tests and closes it after them; the fields are there once
 * the suite's own `beforeAll` hooks run.
 *
 * @example
 * const acme = useTwoInterviewers(engine); it('…', () => acme.store.members.get(acme.org, acme.ann));
 */
export function useTwoInterviewers(engine: TestEngine): TwoInterviewers {
  const acme = {} as TwoInterviewers;
  beforeAll(async () => {
    acme.opened = await engine.open();
    acme.store = acme.opened.store;
    acme.log = recordQueries();
    acme.org = (await acme.store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    acme.ann = await addInterviewer(acme.store, acme.org, 'ann');
    acme.bob = await addInterviewer(acme.store, acme.org, 'bob');
  });
  afterAll(async () => {
    acme.log?.restore();
    await acme.opened?.close();
  });
  return acme;
}
