/** Where a mail provider forwards calendar replies: raw MIME with an inbound secret, not JSON with an API key. */
export const INBOUND_EMAIL_PATH = '/api/v1/inbound/email';

/**
 * Which API paths need no employer credential: candidate links carry their own (the token in the path),
 * and signing in is how a session starts. Everything else under /api/v1/ needs an API key or a session;
 * paths outside it (/healthz, /openapi.json, the candidate's pages) are public. One rule for the
 * middleware and for the OpenAPI document's security.
 */
export function isEmployerPath(path: string): boolean {
  return (
    // A mail provider's forwarding of calendar replies, authorised by the organization's inbound secret.
    path !== INBOUND_EMAIL_PATH &&
    path.startsWith('/api/v1/') &&
    !path.startsWith('/api/v1/candidate/') &&
    // A panelist's private link to their own seat, authorised by its token like a candidate's.
    !path.startsWith('/api/v1/seat/') &&
    path !== '/api/v1/session' &&
    // The demo's landing page, for a newcomer who has not signed in yet (answers only with --demo).
    path !== '/api/v1/demo'
  );
}
