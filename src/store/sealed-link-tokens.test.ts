import { describe, expect, it } from 'vitest';
import type { SetAsideToken } from '../core/link-tokens-at-rest.ts';
import { LinkTokensKeyMissingError, LinkTokensUnreadableError, openLinkTokens, sealLinkTokens } from './sealed-link-tokens.ts';
import { SecretBox, SecretBoxError } from './secret-box.ts';

const TOKENS: SetAsideToken[] = [
  { field: 'text', at: 12, text: 'lw_cand_AbCdEfGhIjKlMnOpQrSt' },
  { field: 'ics', at: 80, text: 'lw_cand_AbCdEfGhIj\r\n KlMnOpQrSt' },
];

describe('sealed link tokens', () => {
  it('seals the tokens under the key, so the column shows none of them, and opens them again', () => {
    const box = SecretBox.ephemeral();
    const sealed = sealLinkTokens(TOKENS, box)!;
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('AbCdEfGh');
    expect(openLinkTokens(sealed, box)).toEqual(TOKENS);
  });

  it('stores nothing for a message without links', () => {
    expect(sealLinkTokens([], SecretBox.ephemeral())).toBeNull();
    expect(openLinkTokens(null, undefined)).toEqual([]);
  });

  it('keeps them as plain JSON on a server without a key, and reads that with or without one', () => {
    const plain = sealLinkTokens(TOKENS, undefined)!;
    expect(JSON.parse(plain)).toEqual(TOKENS);
    expect(openLinkTokens(plain, undefined)).toEqual(TOKENS);
    expect(openLinkTokens(plain, SecretBox.ephemeral())).toEqual(TOKENS);
  });

  it('says why tokens cannot be opened', () => {
    const box = SecretBox.ephemeral();
    const sealed = sealLinkTokens(TOKENS, box)!;
    expect(() => openLinkTokens(sealed, undefined)).toThrow(LinkTokensKeyMissingError);
    expect(() => openLinkTokens(sealed, SecretBox.ephemeral())).toThrow(LinkTokensKeyMissingError);
    const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
    const altered = [version, keyId, iv, tag, `${ciphertext!.slice(0, -2)}AA`].join('.');
    expect(() => openLinkTokens(altered, box)).toThrow(SecretBoxError);
    expect(() => openLinkTokens('[not json', undefined)).toThrow(/not JSON/);
    expect(() => openLinkTokens('[{"field":"body","at":0,"text":"x"}]', undefined)).toThrow(/not a list of tokens/);
    expect(() => openLinkTokens('[{"field":"text","at":-1,"text":"x"}]', undefined)).toThrow(LinkTokensUnreadableError);
  });
});
