import { describe, expect, it } from 'vitest';
import { escapeText, formatParamValue } from './escape-text.ts';

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
  });

  it('turns every kind of line break into \\n', () => {
    expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
  });

  it('leaves colons, quotes, tabs and non-ASCII alone', () => {
    expect(escapeText('Zoë: "hi"\t🚀')).toBe('Zoë: "hi"\t🚀');
  });

  it('drops control characters TEXT does not allow', () => {
    expect(escapeText('a\u0000b\u0007c\u007Fd')).toBe('abcd');
  });
});

describe('formatParamValue', () => {
  it('leaves a plain name unquoted', () => {
    expect(formatParamValue('Ada Lovelace')).toBe('Ada Lovelace');
    expect(formatParamValue('Zoë Ångström')).toBe('Zoë Ångström');
  });

  it.each([
    ['Lovelace, Ada', '"Lovelace, Ada"'],
    ['Ada; PhD', '"Ada; PhD"'],
    ['Team: Hiring', '"Team: Hiring"'],
  ])('quotes %j', (name, expected) => {
    expect(formatParamValue(name)).toBe(expected);
  });

  it('caret-encodes quotes and carets (RFC 6868)', () => {
    expect(formatParamValue('Ada "The Countess" L^2')).toBe("Ada ^'The Countess^' L^^2");
  });

  it('replaces line breaks and controls with spaces', () => {
    expect(formatParamValue('Ada\r\nLovelace\u0001x')).toBe('Ada Lovelace x');
  });
});
