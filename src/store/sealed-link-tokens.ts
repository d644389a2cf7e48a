import { z } from 'zod';
import { TOKEN_FIELDS } from '../core/link-tokens-at-rest.ts';
import type { SetAsideToken } from '../core/link-tokens-at-rest.ts';
import type { SecretBox } from './secret-box.ts';

const tokensSchema = z.array(z.object({ field: z.enum(TOKEN_FIELDS), at: z.number().int().nonnegative(), text: z.string().min(1) }).strict());

/**
 * The link tokens set aside from a pending message (`outbox.link_tokens`), as the column holds them:
 * sealed with the server's secret key, or, on a server that has none (PostgreSQL without
 * `LEEWAY_SECRET_KEY`), as plain JSON, which is what the message's own text held before. Either way the
 * column is emptied once the message is sent, kept or given up. Null when the message has no link.
 *
 * @example
 * sealLinkTokens(tokens, ctx.secrets) // 'v1.Ab12Cd34.…' or null
 */
export function sealLinkTokens(tokens: readonly SetAsideToken[], box: SecretBox | undefined): string | null {
  if (tokens.length === 0) return null;
  const json = JSON.stringify(tokens);
  return box ? box.seal(json) : json;
}

/**
 * The tokens {@link sealLinkTokens} stored: none for null.
 *
 * @throws {LinkTokensKeyMissingError} when they were sealed under a key this server does not have.
 * @throws {SecretBoxError} when the sealed value was altered.
 * @throws {LinkTokensUnreadableError} when the stored value is not a list of tokens.
 */
export function openLinkTokens(stored: string | null, box: SecretBox | undefined): SetAsideToken[] {
  if (stored === null) return [];
  let json = stored;
  if (!stored.startsWith('[')) {
    if (!box) throw new LinkTokensKeyMissingError('The message’s links are sealed, and this server has no secret key (set LEEWAY_SECRET_KEY).');
    if (stored.split('.')[1] !== box.keyId) {
      throw new LinkTokensKeyMissingError('The message’s links were sealed under another key (LEEWAY_SECRET_KEY differs between servers, or changed).');
    }
    json = box.open(stored);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new LinkTokensUnreadableError('The message’s stored links are not JSON.');
  }
  const checked = tokensSchema.safeParse(parsed);
  if (!checked.success) throw new LinkTokensUnreadableError('The message’s stored links are not a list of tokens.');
  return checked.data;
}

export class LinkTokensUnreadableError extends Error {
  override readonly name = 'LinkTokensUnreadableError';
}

/** The tokens were sealed under a key this server does not have; a server with that key can open them. */
export class LinkTokensKeyMissingError extends Error {
  override readonly name = 'LinkTokensKeyMissingError';
}
