import { redactCandidateTokens } from '../core/candidate-link.ts';

/**
 * Candidate links are credentials stored only as hashes; an email must carry one in clear until it is
 * delivered. Once delivered (or given up), the stored copy keeps everything but the token. Calendar text
 * is unfolded first: a folded line can split a token across lines.
 */
export function redactLinkTokens(payload: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(payload)) as { email?: { text?: string; html?: string; calendar?: { ics?: string } } };
  const email = copy.email;
  if (email) {
    if (typeof email.text === 'string') email.text = redactCandidateTokens(email.text);
    if (typeof email.html === 'string') email.html = redactCandidateTokens(email.html);
    if (email.calendar && typeof email.calendar.ics === 'string') {
      email.calendar.ics = redactCandidateTokens(email.calendar.ics.replace(/\r\n[ \t]/g, ''));
    }
  }
  return JSON.parse(redactCandidateTokens(JSON.stringify(copy))) as Record<string, unknown>;
}
