import { CANDIDATE_TOKEN_PREFIX } from '../app/interviews/candidate-token.ts';

const TOKEN = new RegExp(`${CANDIDATE_TOKEN_PREFIX}_[A-Za-z0-9_-]{16,}`, 'g');

/**
 * Candidate links are credentials stored only as hashes; an email must carry one in clear until it is
 * delivered. Once delivered (or given up), the stored copy keeps everything but the token.
 */
export function redactLinkTokens(payload: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload).replace(TOKEN, `${CANDIDATE_TOKEN_PREFIX}_[redacted]`)) as Record<string, unknown>;
}
