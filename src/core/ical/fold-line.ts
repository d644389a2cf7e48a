/** RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/**
 * Folds one content line into CRLF-separated physical lines of at most 75 octets each, counted in UTF-8
 * bytes, the leading space of a continuation line included. A break only ever falls between code points,
 * so a multi-byte character (an accent, an emoji's surrogate pair) is never split across lines.
 *
 * @example
 * foldLine('DESCRIPTION:' + 'x'.repeat(70)) // => 'DESCRIPTION:' + 'x'.repeat(63) + '\r\n ' + 'x'.repeat(7)
 */
export function foldLine(line: string): string {
  let out = '';
  let lineOctets = 0;
  for (const char of line) {
    // for...of walks code points, so a surrogate pair arrives whole; a code point is at most 4 octets.
    const octets = utf8Octets(char.codePointAt(0)!);
    if (lineOctets + octets > MAX_LINE_OCTETS) {
      out += '\r\n ';
      lineOctets = 1;
    }
    out += char;
    lineOctets += octets;
  }
  return out;
}

/**
 * The UTF-8 length of a code point, from its value: encoding every character with a TextEncoder made
 * folding the hottest part of writing a large batch of calendar messages.
 */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
