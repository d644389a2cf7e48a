import type { TestServer } from '../src/server/testing/test-server.ts';
import type { Scenario } from './load-scenarios.ts';

export interface SeededPanel {
  /** The database ids of the scenario's members, in the scenario's order. */
  memberIds: string[];
  busyBlocks: number;
}

/**
 * Stores a scenario's members and busy blocks the way a client would: `POST /api/v1/members` with each
 * member's zone and working hours, then `POST /api/v1/members/{id}/busy` for every busy block.
 *
 * @example
 * const { memberIds } = await seedScenarioOverHttp(server, scenario);
 */
export async function seedScenarioOverHttp(server: TestServer, scenario: Scenario): Promise<SeededPanel> {
  const memberIds: string[] = [];
  let busyBlocks = 0;
  for (const member of scenario.members) {
    const created = await expectCreated(
      await server.call('POST', '/api/v1/members', {
        name: `Bench ${member.id}`,
        email: `${member.id}@bench.example`,
        role: 'interviewer',
        timezone: member.timezone,
        workingHours: member.workingHours,
        ...(member.bufferMinutes === undefined ? {} : { bufferMinutes: member.bufferMinutes }),
      }),
      `member ${member.id}`,
    );
    memberIds.push(created.id);
    for (const block of member.busy) {
      await expectCreated(
        await server.call('POST', `/api/v1/members/${created.id}/busy`, { start: toIso(block.start), end: toIso(block.end) }),
        `busy block of ${member.id}`,
      );
      busyBlocks += 1;
    }
  }
  return { memberIds, busyBlocks };
}

async function expectCreated(response: Response, what: string): Promise<{ id: string }> {
  if (response.status !== 201) throw new Error(`Creating the ${what} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

function toIso(value: Date | number | string): string {
  return typeof value === 'string' ? value : new Date(value).toISOString();
}
