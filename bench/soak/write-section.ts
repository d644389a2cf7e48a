import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Puts a `## title` section into a Markdown file: replaced in place when it is there, else appended, so
 * the rest of the file (written by other benchmarks) is untouched.
 *
 * @example
 * writeSection('docs/benchmarks.md', 'Soak (`npm run soak`)', markdown);
 */
export function writeSection(path: string, title: string, section: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(`\n## ${title}\n`);
  if (start === -1) {
    writeFileSync(path, `${current.trimEnd()}\n\n${section.trimEnd()}\n`);
    return;
  }
  const next = current.indexOf('\n## ', start + 1);
  const after = next === -1 ? '' : current.slice(next);
  writeFileSync(path, `${current.slice(0, start).trimEnd()}\n\n${section.trimEnd()}\n${after}`);
}
