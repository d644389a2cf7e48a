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
  const encoder = new TextEncoder();
  let out = '';
  let lineOctets = 0;
  for (const char of line) {
    // for...of walks code points, so a surrogate pair arrives whole; a code point is at most 4 octets.
    const octets = encoder.encode(char).length;
    if (lineOctets + octets > MAX_LINE_OCTETS) {
      out += '\r\n ';
      lineOctets = 1;
    }
    out += char;
    lineOctets += octets;
  }
  return out;
}
