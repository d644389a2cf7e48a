import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from './secret-box.ts';

describe('SecretBox', () => {
  it('opens what it sealed, and never seals the same way twice', () => {
    const box = SecretBox.ephemeral();
    const first = box.seal('whsec_abc');
    expect(first).not.toContain('whsec_abc');
    expect(box.seal('whsec_abc')).not.toBe(first);
    expect(box.open(first)).toBe('whsec_abc');
  });

  it('refuses a value sealed under another key or altered', () => {
    const box = SecretBox.ephemeral();
    const sealed = box.seal('password');
    expect(() => SecretBox.ephemeral().open(sealed)).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow(SecretBoxError);
  });

  it('reads a key in hex or base64 and refuses other lengths', () => {
    const text = SecretBox.generateKeyText();
    const hex = Buffer.from(text, 'base64').toString('hex');
    expect(SecretBox.fromText(text).keyId).toBe(SecretBox.fromText(hex).keyId);
    expect(() => SecretBox.fromText('c2hvcnQ=')).toThrow(TypeError);
  });
});
