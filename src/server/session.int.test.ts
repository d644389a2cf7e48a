import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../app/organizations.ts';
import { testEngines } from '../store/testing/engines.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

describe.each(testEngines())('dashboard sessions on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ opened: await engine.open() });
    await createOrganization(server.ctx, { name: 'Dash Org', timezone: 'UTC', adminEmail: 'Admin@Dash.test', adminPassword: 'correct horse battery' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const login = (email: string, password: string) =>
    server.app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

  it('signs in with a cookie, needs the CSRF token for changes, and signs out', async () => {
    const response = await login('admin@dash.test', 'correct horse battery');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/leeway_session=lw_sess_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Twelve hours counted by the browser's clock, not a date by the server's.
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Expires=/i);
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

  it('gives a reloaded page its session and the same CSRF token back, from the cookie alone', async () => {
    const response = await login('admin@dash.test', 'correct horse battery');
    const signedIn = (await response.json()) as { csrfToken: string; organizationId: string; expiresAt: string };
    const session = response.headers.get('set-cookie')!.split(';')[0]!;

    const current = await server.app.request('/api/v1/session', { headers: { cookie: session, origin: 'https://evil.example' } });
    expect(current.status).toBe(200);
    // Same-origin policy keeps another site from reading the token: nothing here allows it to.
    expect([...current.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const body = (await current.json()) as Record<string, unknown>;
    const organization = (await (await server.app.request('/api/v1/organization', { headers: { cookie: session } })).json()) as { name: string };
    expect(body).toEqual({
      organizationId: signedIn.organizationId,
      organizationName: organization.name,
      user: { email: 'admin@dash.test', name: null },
      csrfToken: signedIn.csrfToken,
      expiresAt: signedIn.expiresAt,
    });

    const change = (csrf?: string) =>
      server.app.request('/api/v1/organization', {
        method: 'PATCH',
        headers: { cookie: session, 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        body: '{"contactEmail":"jobs@dash.test"}',
      });
    expect((await change(body.csrfToken as string)).status).toBe(200);
    expect((await change()).status).toBe(403);
    expect((await change(`${signedIn.csrfToken.slice(0, -1)}x`)).status).toBe(403);

    // Another session's token does not fit this one.
    const other = (await (await login('admin@dash.test', 'correct horse battery')).json()) as { csrfToken: string };
    expect(other.csrfToken).not.toBe(signedIn.csrfToken);
    expect((await change(other.csrfToken)).status).toBe(403);
  });

  it('answers 401 without a valid session cookie', async () => {
    expect((await server.app.request('/api/v1/session')).status).toBe(401);
    expect((await server.app.request('/api/v1/session', { headers: { cookie: 'leeway_session=lw_sess_forged' } })).status).toBe(401);
    const response = await login('admin@dash.test', 'correct horse battery');
    const session = response.headers.get('set-cookie')!.split(';')[0]!;
    await server.app.request('/api/v1/session', { method: 'DELETE', headers: { cookie: session } });
    expect((await server.app.request('/api/v1/session', { headers: { cookie: session } })).status).toBe(401);
    // An API key is no session: there is no CSRF token to give.
    expect((await server.call('GET', '/api/v1/session')).status).toBe(401);
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
