import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { randomBytesFromPool } from './random-bytes.ts';

const VERSION = 'v1';
const KEY_BYTES = 32;

/**
 * Seals secrets that must be used again (a webhook's signing secret, a calendar's password or secret
 * feed address) with AES-256-GCM under a key from the environment, so a copy of the database alone
 * reveals none of them. Secrets that are only compared (API keys, link tokens) are hashed instead.
 *
 * A sealed value is `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url): the key id lets a value sealed
 * under another key be told apart from a corrupted one, and the version leaves room to change the scheme.
 */
export class SecretBox {
  readonly keyId: string;
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new TypeError(`A secret key has ${KEY_BYTES} bytes, not ${key.length}.`);
    this.#key = Buffer.from(key);
    this.keyId = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  }

  /** A key that lives as long as the process: for in-memory databases and tests, whose data dies with it. */
  static ephemeral(): SecretBox {
    return new SecretBox(randomBytes(KEY_BYTES));
  }

  /**
   * Reads a key written as 64 hex digits or as base64/base64url of 32 bytes.
   *
   * @throws {TypeError} when the text is neither.
   */
  static fromText(text: string): SecretBox {
    const trimmed = text.trim();
    const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new TypeError('The secret key must be 32 bytes written as 64 hex digits or in base64 (openssl rand -base64 32).');
    }
    return new SecretBox(key);
  }

  /** A new random key in the form {@link fromText} reads. */
  static generateKeyText(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }

  seal(plain: string): string {
    const iv = randomBytesFromPool(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.keyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  /**
   * @throws {SecretBoxError} when the value was sealed under another key or has been altered.
   */
  open(sealed: string): string {
    const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) {
      throw new SecretBoxError('This is not a sealed secret.');
    }
    if (keyId !== this.keyId) throw new SecretBoxError('This secret was sealed under another key (LEEWAY_SECRET_KEY changed?).');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('This sealed secret has been altered.');
    }
  }
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}
