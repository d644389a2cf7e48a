/**
 * A Markdown table; numbers are right-aligned by the `align` marks.
 *
 * @example
 * formatTable(['a', 'b'], [['x', '1']], ['left', 'right']); // "| a | b |\n|:--|--:|\n| x | 1 |"
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length), 3));
  const pad = (cell: string, column: number): string =>
    align[column] === 'right' ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0);
  const line = (cells: readonly string[]): string => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (align[column] === 'right' ? `${'-'.repeat(width + 1)}:` : `:${'-'.repeat(width + 1)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/**
 * Milliseconds with three significant digits (at least two decimals below 1 ms).
 *
 * @example
 * formatMs(0.07512); // "0.075"
 */
export function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}
