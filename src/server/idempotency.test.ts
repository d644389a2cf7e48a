import { describe, expect, it } from 'vitest';
import { canonicalJson } from './idempotency.ts';

describe('canonicalJson', () => {
  it('gives one form to the same value whatever its spacing and key order', () => {
    expect(canonicalJson('{ "b": 1,\n "a": [ {"y": true, "x": null} ] }')).toBe('{"a":[{"x":null,"y":true}],"b":1}');
    expect(canonicalJson('{"a":[{"x":null,"y":true}],"b":1}')).toBe(canonicalJson('{"b":1,"a":[{"y":true,"x":null}]}'));
    expect(canonicalJson(' "text" ')).toBe('"text"');
    expect(canonicalJson('1.50')).toBe('1.5');
  });

  it('keeps apart values that differ, arrays in their order', () => {
    expect(canonicalJson('{"a":1}')).not.toBe(canonicalJson('{"a":"1"}'));
    expect(canonicalJson('[1,2]')).not.toBe(canonicalJson('[2,1]'));
    expect(canonicalJson('{"a":{"b":1}}')).not.toBe(canonicalJson('{"a":{"b":2}}'));
    expect(canonicalJson('{"__proto__":{"x":1}}')).toBe('{"__proto__":{"x":1}}');
  });

  it('refuses what is not JSON, and numbers JSON cannot write back', () => {
    expect(() => canonicalJson('{"a":')).toThrow();
    expect(() => canonicalJson('')).toThrow();
    expect(() => canonicalJson('[1e400]')).toThrow();
  });
});
