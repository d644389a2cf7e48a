import type { Context, Hono } from 'hono';
import type { ServerEnv } from './env.ts';
import { WEB_APP_CSP } from './web-assets.ts';
import type { WebAssets } from './web-assets.ts';

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Leeway</title></head><body><main>
<h1>Leeway is running</h1><p>The web app has not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>The HTTP API answers under <a href="/openapi.json">/api/v1</a> meanwhile.</p></main></body></html>`;

/** The app's own pages: the landing page, sign-in, the dashboard. Everything else is the API's. */
const APP_PAGES = ['/', '/sign-in', '/dashboard', '/dashboard/*'];

export function registerWebApp(app: Hono<ServerEnv>, assets: WebAssets): void {
  app.get('/assets/*', (c) => {
    const file = assets.files.get(c.req.path);
    if (!file) return c.text('Not found', 404);
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.type,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });
  const page = (c: Context<ServerEnv>) =>
    c.html(assets.shell ?? NOT_BUILT, assets.shell ? 200 : 503, {
      // The shell names hashed files, so it must never be cached itself.
      'cache-control': 'no-cache',
      'content-security-policy': WEB_APP_CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
  for (const route of APP_PAGES) app.get(route, page);
}
