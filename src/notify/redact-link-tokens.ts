import { redactCandidateTokens } from '../core/candidate-link.ts';

interface EmailPayload {
  email?: { calendar?: { ics?: unknown } };
}

/**
 * Candidate links are credentials stored only as hashes; an email must carry one in clear until it is
 * delivered. Once delivered (or given up), the stored copy keeps everything but the token. Calendar text
 * is unfolded first: a folded line can split a token across lines. A token's characters need no escaping
 * in JSON, so one pass over the payload's JSON text finds every one, in any field, and the result is a copy.
 */
export function redactLinkTokens(payload: Record<string, unknown>): Record<string, unknown> {
  const email = (payload as EmailPayload).email;
  const ics = email?.calendar?.ics;
  const unfolded = typeof ics === 'string' ? { ...payload, email: { ...email, calendar: { ...email!.calendar, ics: ics.replace(/\r\n[ \t]/g, '') } } } : payload;
  return JSON.parse(redactCandidateTokens(JSON.stringify(unfolded))) as Record<string, unknown>;
}
