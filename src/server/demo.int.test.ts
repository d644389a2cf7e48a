import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../app/context.ts';
import { DEFAULT_APP_CONFIG } from '../app/context.ts';
import { demoLanding, seedDemo } from '../app/demo/seed-demo.ts';
import type { DemoLanding } from '../app/demo/seed-demo.ts';
import { openStore } from '../store/index.ts';
import type { OpenStore } from '../store/index.ts';
import { createServerApp } from './app.ts';
import { isEmployerPath } from './public-paths.ts';

// Each test prepares a whole demo on an embedded database: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('GET /api/v1/demo', () => {
  let opened: OpenStore;
  let ctx: AppContext;
  beforeAll(async () => {
    opened = await openStore({ engine: 'pglite', dataDir: 'memory://' });
    ctx = { store: opened.store, clock: () => new Date('2026-12-02T15:00:00Z'), config: DEFAULT_APP_CONFIG };
  });
  afterAll(async () => opened?.close());

  it('is public, and in demo mode gives a sign-in that works and candidate links that open', async () => {
    expect(isEmployerPath('/api/v1/demo')).toBe(false);
    expect(isEmployerPath('/api/v1/demo/other')).toBe(true);
    const seed = seedDemo(ctx);
    const app = createServerApp({ ctx, log: () => {}, demo: async () => (await seed).landing });
    const response = await app.request('/api/v1/demo');
    expect(response.status).toBe(200);
    const demo = (await response.json()) as DemoLanding;
    expect(demo.organization).toEqual({ name: 'Northwind Robotics (demo)', timezone: 'America/New_York' });
    expect(demo.candidateLinks.map((l) => l.noticeClass)).toEqual(['ample', 'adequate', 'late', null]);
    for (const link of demo.candidateLinks) {
      const token = link.url.slice(link.url.lastIndexOf('/') + 1);
      expect((await app.request(`/api/v1/candidate/${token}`)).status, link.label).toBe(200);
    }
    expect(demo.offerLinks).toHaveLength(1);
    const offerToken = demo.offerLinks[0]!.url.slice(demo.offerLinks[0]!.url.lastIndexOf('/') + 1);
    expect((await app.request(`/api/v1/candidate/${offerToken}`)).status).toBe(200);
    const signIn = await app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demo.signIn),
    });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { organizationId: string }).organizationId).toBe((await seed).organizationId);
  });

  it('lists fresh links once a newcomer has cancelled or moved the interview behind one, and the same links otherwise', async () => {
    const app = createServerApp({ ctx, log: () => {}, demo: demoLanding(ctx, seedDemo(ctx)) });
    const landing = async () => (await (await app.request('/api/v1/demo')).json()) as DemoLanding;
    const first = await landing();
    expect((await landing()).candidateLinks).toEqual(first.candidateLinks);

    const ample = first.candidateLinks.find((l) => l.noticeClass === 'ample')!;
    const token = ample.url.slice(ample.url.lastIndexOf('/') + 1);
    const cancelled = await app.request(`/api/v1/candidate/${token}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'schedule_conflict' }) });
    expect(cancelled.status).toBe(200);

    const after = await landing();
    expect(after.candidateLinks.map((l) => l.noticeClass)).toEqual(['ample', 'adequate', 'late', null]);
    const fresh = after.candidateLinks.find((l) => l.noticeClass === 'ample')!;
    expect(fresh.url).not.toBe(ample.url);
    const freshToken = fresh.url.slice(fresh.url.lastIndexOf('/') + 1);
    const view = (await (await app.request(`/api/v1/candidate/${freshToken}`)).json()) as { interview: { status: string } };
    expect(view.interview.status).toBe('scheduled');
  });

  it('answers 404 (NOT_FOUND) when the server runs without a demo', async () => {
    const app = createServerApp({ ctx, log: () => {} });
    const response = await app.request('/api/v1/demo');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
