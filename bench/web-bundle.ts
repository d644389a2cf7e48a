import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSection } from './bench-section.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface PageWeight {
  page: string;
  files: number;
  fileNames: string[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * What a browser downloads to show each kind of page for the first time: the entry, the lazily loaded
 * chunk of that page and everything they import statically, JavaScript and CSS. Read from Vite's
 * manifest, so it follows the real code splitting.
 */
export const PAGES: Array<{ page: string; chunks: string[] }> = [
  { page: 'Landing page (/)', chunks: [] },
  { page: 'Candidate page (/c/{token})', chunks: ['app/candidate/candidate-app.tsx'] },
  { page: 'Dashboard, first view (the week)', chunks: ['app/dashboard/dashboard-app.tsx', 'app/dashboard/week/week-page.tsx'] },
  { page: 'Dashboard, analytics (charts)', chunks: ['app/dashboard/dashboard-app.tsx', 'app/dashboard/analytics/analytics-page.tsx'] },
];

/** Budgets in gzip bytes: a candidate on a phone must not wait for the dashboard or a chart library. */
export const BUDGETS: Record<string, number> = {
  'Landing page (/)': 100_000,
  'Candidate page (/c/{token})': 110_000,
  'Dashboard, first view (the week)': 140_000,
  'Dashboard, analytics (charts)': 170_000,
};

export function measurePageWeights(root: string): PageWeight[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The manifest has no entry chunk.');
  return PAGES.map(({ page, chunks }) => {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const key of [entryKey, ...chunks]) {
      if (!manifest[key]) throw new Error(`The manifest has no chunk for ${key}.`);
      visit(key);
    }
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      const body = fs.readFileSync(path.join(root, file));
      rawBytes += body.length;
      gzipBytes += gzipSync(body, { level: 9 }).length;
    }
    return { page, files: files.size, fileNames: [...files], rawBytes, gzipBytes };
  });
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function benchWebBundle(root: string): BenchSection {
  if (!fs.existsSync(path.join(root, '.vite', 'manifest.json'))) {
    return { title: 'Web app bundle', method: '', table: '', failures: [`No build at ${root}: run npm run build first.`] };
  }
  const weights = measurePageWeights(root);
  const failures = weights
    .filter((weight) => weight.gzipBytes > (BUDGETS[weight.page] ?? Infinity))
    .map((weight) => `${weight.page}: ${kb(weight.gzipBytes)} gzip, over the budget of ${kb(BUDGETS[weight.page]!)}`);
  const rows = weights.map((w) => `| ${w.page} | ${w.files} | ${kb(w.rawBytes)} | ${kb(w.gzipBytes)} | ${kb(BUDGETS[w.page] ?? 0)} |`);
  return {
    title: 'Web app bundle (`npm run build`)',
    method:
      'What a browser downloads to show each kind of page the first time (JavaScript and CSS: the entry, the page\'s own ' +
      'lazily loaded chunk and what they import), read from the Vite manifest of `npm run build` and compressed with gzip -9. ' +
      'The candidate page never loads dashboard code, and only the analytics page loads the chart library.',
    table: ['| page | files | minified | gzip | budget (gzip) |', '|---|---:|---:|---:|---:|', ...rows].join('\n'),
    failures,
  };
}
