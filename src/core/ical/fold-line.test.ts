import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine } from './fold-line.ts';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds the 76th octet onto a continuation line starting with a space', () => {
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('counts the leading space of a continuation line', () => {
    const folded = foldLine('X'.repeat(75 + 74 + 1));
    expect(folded.split('\r\n').map(octets)).toEqual([75, 75, 2]);
  });

  it('moves a multi-byte character that would straddle the limit to the next line', () => {
    // 74 ASCII octets + 'é' (2 octets) would be 76: the whole 'é' moves.
    expect(foldLine(`${'a'.repeat(74)}é`)).toBe(`${'a'.repeat(74)}\r\n é`);
    // 73 + a 4-octet emoji would be 77.
    expect(foldLine(`${'a'.repeat(73)}🚀b`)).toBe(`${'a'.repeat(73)}\r\n 🚀b`);
  });

  it('never exceeds 75 octets, never splits a code point, and unfolds to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        const physical = folded.split('\r\n');
        for (const [index, part] of physical.entries()) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          // A split surrogate pair would not survive a trip through UTF-8.
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
          if (index > 0) expect(part.startsWith(' ')).toBe(true);
        }
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});
