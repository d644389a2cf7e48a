import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWebAssets } from './web-assets.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leeway-web-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('loadWebAssets', () => {
  it("gives server-rendered pages the app's icon, style and script, and serves each file it names", () => {
    fs.mkdirSync(path.join(root, 'assets'));
    fs.mkdirSync(path.join(root, '.vite'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><link rel="icon" href="/assets/favicon-1.svg" type="image/svg+xml" /></head><body></body></html>');
    for (const name of ['favicon-1.svg', 'index-2.js', 'index-3.css']) fs.writeFileSync(path.join(root, 'assets', name), name);
    fs.writeFileSync(path.join(root, '.vite', 'manifest.json'), JSON.stringify({ 'index.html': { file: 'assets/index-2.js', css: ['assets/index-3.css'], isEntry: true } }));
    const web = loadWebAssets(root);
    expect(web.headTags).toBe(
      '<link rel="icon" href="/assets/favicon-1.svg" type="image/svg+xml" /><link rel="stylesheet" href="/assets/index-3.css"><script type="module" src="/assets/index-2.js"></script>',
    );
    for (const href of ['/assets/favicon-1.svg', '/assets/index-2.js', '/assets/index-3.css']) expect(web.files.has(href), href).toBe(true);
  });
});
