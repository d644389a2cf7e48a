import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../app/organizations.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await createOrganization(server.ctx, { name: 'Dash Org', timezone: 'UTC', adminEmail: 'Admin@Dash.test', adminPassword: 'correct horse battery' });
});
afterAll(async () => {
  await server?.close();
});

const login = (email: string, password: string) =>
  server.app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

describe('dashboard sessions', () => {
  it('signs in with a cookie, needs the CSRF token for changes, and signs out', async () => {
    const response = await login('admin@dash.test', 'correct horse battery');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/leeway_session=lw_sess_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const session = cookie.split(';')[0]!;

    const read = await server.app.request('/api/v1/organization', { headers: { cookie: session } });
    expect(await read.json()).toMatchObject({ name: 'Dash Org' });

    const noCsrf = await server.app.request('/api/v1/organization', { method: 'PATCH', headers: { cookie: session, 'content-type': 'application/json' }, body: '{"name":"Renamed"}' });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await server.app.request('/api/v1/organization', {
      method: 'PATCH',
      headers: { cookie: session, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: '{"name":"Renamed"}',
    });
    expect(await withCsrf.json()).toMatchObject({ name: 'Renamed' });

    expect((await server.app.request('/api/v1/session', { method: 'DELETE', headers: { cookie: session } })).status).toBe(204);
    expect((await server.app.request('/api/v1/organization', { headers: { cookie: session } })).status).toBe(401);
  });

  it('refuses wrong credentials alike, and slows down guessing', async () => {
    const wrongPassword = await login('admin@dash.test', 'nope');
    const wrongEmail = await login('nobody@dash.test', 'nope');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(((await wrongPassword.json()) as { detail: string }).detail).toBe(((await wrongEmail.json()) as { detail: string }).detail);
    for (let i = 0; i < 9; i += 1) await login('admin@dash.test', `guess-${i}`);
    const limited = await login('admin@dash.test', 'correct horse battery');
    expect(limited.status).toBe(429);
  });
});
