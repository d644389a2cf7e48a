import { LINK_TOKEN_PREFIXES, redactedToken, TOKEN_BODY } from './candidate-link.ts';
import type { OutgoingEmail } from './outgoing-email.ts';

/** The parts of an email a link can be written in. */
export const TOKEN_FIELDS = ['subject', 'text', 'html', 'ics'] as const;
export type TokenField = (typeof TOKEN_FIELDS)[number];

/**
 * One link token taken out of an email: where its redacted form now stands (`field`, and `at`, the offset
 * of the redacted form in that field's stored text) and the exact text it replaced.
 */
export interface SetAsideToken {
  field: TokenField;
  at: number;
  text: string;
}

/** A line fold of RFC 5545 §3.1: a line break and one space or tab. A token in a calendar can be folded anywhere. */
const FOLD = '(?:\\r\\n[ \\t])?';
const FOLD_ANYWHERE = /\r\n[ \t]/g;

/** A token as `redactCandidateTokens` finds it, also when a fold splits it (unfolded, it is the same token). */
const FOLDED_TOKEN_PATTERN = new RegExp(
  `(?:${LINK_TOKEN_PREFIXES.map((prefix) => [...prefix].join(FOLD)).join('|')})${FOLD}_(?:${FOLD}${TOKEN_BODY.characters}){${TOKEN_BODY.atLeast},}`,
  'g',
);

/**
 * An email as the outbox keeps it: each link token replaced by its redacted form (`lw_cand_[redacted]`),
 * and the tokens set aside with where they stood, to be sealed apart from the text. The stored text is then
 * final from the start: sending or keeping the message never rewrites it, and no link rests in it.
 * A folded token in the calendar is taken out with its fold, so putting it back restores the very bytes.
 *
 * @example
 * setAsideLinkTokens({ ...email, text: 'Your link: https://x/c/lw_cand_abcdefghijklmnopqrstu' })
 * // { email: { ...email, text: 'Your link: https://x/c/lw_cand_[redacted]' },
 * //   tokens: [{ field: 'text', at: 20, text: 'lw_cand_abcdefghijklmnopqrstu' }] }
 */
export function setAsideLinkTokens(email: OutgoingEmail): { email: OutgoingEmail; tokens: SetAsideToken[] } {
  const tokens: SetAsideToken[] = [];
  const stored = mapTokenFields(email, (field, text) => {
    let redacted = '';
    let from = 0;
    for (const match of text.matchAll(FOLDED_TOKEN_PATTERN)) {
      redacted += text.slice(from, match.index);
      tokens.push({ field, at: redacted.length, text: match[0] });
      redacted += redactedToken(prefixOf(match[0]));
      from = match.index + match[0].length;
    }
    return from === 0 ? text : redacted + text.slice(from);
  });
  return { email: stored, tokens };
}

/**
 * The email as it was before {@link setAsideLinkTokens}: each token back where its redacted form stands.
 *
 * @throws {LinkTokensMismatchError} when a token's redacted form is not where the token says (the stored
 * text or the tokens were changed): the message cannot be restored faithfully.
 */
export function putBackLinkTokens(email: OutgoingEmail, tokens: readonly SetAsideToken[]): OutgoingEmail {
  if (tokens.length === 0) return email;
  const missing = tokens.find(({ field }) => (field === 'html' && email.html === undefined) || (field === 'ics' && email.calendar === undefined));
  if (missing) throw new LinkTokensMismatchError(`The email has no ${missing.field} to put a token back into.`);
  return mapTokenFields(email, (field, text) => {
    const here = tokens.filter((token) => token.field === field).sort((a, b) => a.at - b.at);
    let restored = '';
    let from = 0;
    for (const token of here) {
      const redacted = redactedToken(prefixOf(token.text));
      if (token.at < from || !text.startsWith(redacted, token.at)) {
        throw new LinkTokensMismatchError(`The ${field} has no ${redacted} at ${token.at}.`);
      }
      restored += text.slice(from, token.at) + token.text;
      from = token.at + redacted.length;
    }
    return from === 0 ? text : restored + text.slice(from);
  }, tokens);
}

export class LinkTokensMismatchError extends Error {
  override readonly name = 'LinkTokensMismatchError';
}

function prefixOf(token: string): string {
  const unfolded = token.replace(FOLD_ANYWHERE, '');
  return LINK_TOKEN_PREFIXES.find((prefix) => unfolded.startsWith(`${prefix}_`))!;
}

/** The email with `change` applied to each field a link can be in; a field `only` names no token of is left as it is. */
function mapTokenFields(
  email: OutgoingEmail,
  change: (field: TokenField, text: string) => string,
  only?: readonly SetAsideToken[],
): OutgoingEmail {
  const touches = (field: TokenField): boolean => only === undefined || only.some((token) => token.field === field);
  const changed: OutgoingEmail = { ...email };
  if (touches('subject')) changed.subject = change('subject', email.subject);
  if (touches('text')) changed.text = change('text', email.text);
  if (email.html !== undefined && touches('html')) changed.html = change('html', email.html);
  if (email.calendar !== undefined && touches('ics')) changed.calendar = { ...email.calendar, ics: change('ics', email.calendar.ics) };
  return changed;
}
