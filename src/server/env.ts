import type { AppContext } from '../app/context.ts';
import type { WebAssets } from './web-assets.ts';

/** What every request carries through the middleware chain. */
export interface ServerEnv {
  Variables: {
    requestId: string;
    /** Set by API-key (or session) authentication: every employer-side query is scoped to it. */
    organizationId: string;
    ctx: AppContext;
    /** The built web app, for pages the server renders and the app then takes over. */
    web: WebAssets;
  };
}
