import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface MemberBody {
  id: string;
  name: string;
  workingHours: Record<string, Array<[string, string]>>;
  bufferMinutes: number;
  pools: string[];
  limits: { perDay?: number; perWeek?: number };
}

describe.each(testEngines())("a member's working hours, limits and pools on $name", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ opened: await engine.open() });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('are changed by PATCH and shown by GET, one field at a time', async () => {
    const id = await dashboardFixture(server).member('Mia Settings');
    const fresh = await readJson<MemberBody>(server.call('GET', `/api/v1/members/${id}`));
    expect(fresh).toMatchObject({ pools: [], limits: {}, bufferMinutes: 0 });

    const hours = { mon: [['08:00', '12:00'], ['13:00', '16:30']], wed: [['10:00', '18:00']] };
    const patched = await readJson<MemberBody>(
      server.call('PATCH', `/api/v1/members/${id}`, { workingHours: hours, limits: { perDay: 2, perWeek: 6 }, pools: ['backend', 'senior'], bufferMinutes: 10 }),
    );
    const expected = {
      workingHours: { mon: [['08:00', '12:00'], ['13:00', '16:30']], tue: [], wed: [['10:00', '18:00']], thu: [], fri: [], sat: [], sun: [] },
      limits: { perDay: 2, perWeek: 6 },
      pools: ['backend', 'senior'],
      bufferMinutes: 10,
    };
    expect(patched).toMatchObject(expected);
    expect(await readJson<MemberBody>(server.call('GET', `/api/v1/members/${id}`))).toMatchObject(expected);

    // Changing one leaves the others as they were; limits can be lifted.
    await readJson(server.call('PATCH', `/api/v1/members/${id}`, { limits: { perWeek: 4 } }));
    const after = await readJson<MemberBody>(server.call('GET', `/api/v1/members/${id}`));
    expect(after).toMatchObject({ ...expected, limits: { perWeek: 4 } });
    expect(after.limits.perDay).toBeUndefined();
    const listed = await readJson<{ members: MemberBody[] }>(server.call('GET', '/api/v1/members?limit=200'));
    expect(listed.members.find((m) => m.id === id)).toMatchObject({ pools: ['backend', 'senior'], limits: { perWeek: 4 } });
  });

  it('refuses bad hours and limits with every field error, changing nothing', async () => {
    const id = await dashboardFixture(server).member('Max Settings');
    const before = await readJson<MemberBody>(server.call('GET', `/api/v1/members/${id}`));
    const response = await server.call('PATCH', `/api/v1/members/${id}`, { workingHours: { mon: [['17:00', '09:00']] }, limits: { perDay: 0 }, pools: [''] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ path: string }> };
    const paths = body.errors.map((e) => e.path).join(' ');
    expect(paths).toContain('workingHours');
    expect(paths).toContain('limits');
    expect(paths).toContain('pools');
    expect(await readJson<MemberBody>(server.call('GET', `/api/v1/members/${id}`))).toEqual(before);
  });
});
