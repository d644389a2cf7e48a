/**
 * Escapes a value of type TEXT (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, every
 * line break becomes `\n`. Other control characters are not allowed in TEXT at all, so they are dropped
 * rather than let through to break a parser downstream (HTAB is allowed and kept).
 *
 * @example
 * escapeText('Room 4, floor 2; bring ID\nThanks') // => 'Room 4\\, floor 2\\; bring ID\\nThanks'
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\\;,\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`))
    .replace(CONTROL_CHARS, '');
}

/**
 * Writes a parameter value (RFC 5545 §3.1 `param-value`), e.g. an attendee's CN. A value with `:`, `;` or
 * `,` must be a quoted string. DQUOTE cannot appear even inside quotes, so it and `^` are written with
 * RFC 6868 caret encoding (`^'`, `^^`), which ical.js and the major clients decode; line breaks and
 * other controls have no place in a display name and become a space.
 *
 * @example
 * formatParamValue('Lovelace, Ada') // => '"Lovelace, Ada"'
 * formatParamValue('Ada Lovelace')  // => 'Ada Lovelace'
 */
export function formatParamValue(value: string): string {
  const encoded = value
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(CONTROL_CHARS, ' ')
    .replace(/[\^"]/g, (char) => (char === '^' ? '^^' : "^'"));
  return /[:;,]/.test(encoded) ? `"${encoded}"` : encoded;
}

// CONTROL in RFC 5545 is %x00-08 / %x0A-1F / %x7F; HTAB (%x09) is allowed. Line breaks are handled first.
const CONTROL_CHARS = /[\u0000-\u0008\u000A-\u001F\u007F]/g;
