import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSection } from './write-section.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratchFile(text: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'leeway-section-'));
  dirs.push(dir);
  const path = join(dir, 'benchmarks.md');
  writeFileSync(path, text);
  return path;
}

describe('writeSection', () => {
  it('appends the section when it is not there and replaces it in place when it is, leaving the others alone', () => {
    const path = scratchFile('# Benchmarks\n\n## Load\n\nload table\n');
    writeSection(path, 'Soak', '## Soak\n\nfirst run');
    expect(readFileSync(path, 'utf8')).toBe('# Benchmarks\n\n## Load\n\nload table\n\n## Soak\n\nfirst run\n');

    writeFileSync(path, `${readFileSync(path, 'utf8')}\n## Later\n\nkept\n`);
    writeSection(path, 'Soak', '## Soak\n\nsecond run');
    expect(readFileSync(path, 'utf8')).toBe('# Benchmarks\n\n## Load\n\nload table\n\n## Soak\n\nsecond run\n\n## Later\n\nkept\n');
  });
});
