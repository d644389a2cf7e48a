import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from './pages/escape-html.ts';

/** Where `npm run build` puts the web app (vite.config.ts). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * Pages of the web app allow only their own origin: scripts and styles from /assets, requests to the
 * API. Inline style attributes are allowed for charts that size their canvas.
 */
export const WEB_APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebAssets {
  /** The app's HTML shell, or null when the app has not been built. */
  shell: string | null;
  /** Tags that load the app into a page the server renders itself (the candidate page). */
  headTags: string;
  files: Map<string, { body: Buffer; type: string }>;
}

interface ManifestEntry {
  file: string;
  css?: string[];
  isEntry?: boolean;
}

/**
 * Reads the built app once: the files are small and hashed, so they are served from memory and cached
 * by browsers for a year. Missing build → no app, and the server says how to build it.
 */
export function loadWebAssets(root: string = DEFAULT_WEB_ROOT): WebAssets {
  const files = new Map<string, { body: Buffer; type: string }>();
  const shellPath = path.join(root, 'index.html');
  if (!fs.existsSync(shellPath)) return { shell: null, headTags: '', files };
  const assetsDir = path.join(root, 'assets');
  for (const name of fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir) : []) {
    const type = CONTENT_TYPES[path.extname(name)];
    if (type) files.set(`/assets/${name}`, { body: fs.readFileSync(path.join(assetsDir, name)), type });
  }
  const shell = fs.readFileSync(shellPath, 'utf8');
  // The app's icon goes with its script onto the pages the server renders too (a candidate's link page):
  // without it the browser asks for /favicon.ico and logs the 404.
  const icon = /<link rel="icon"[^>]*>/.exec(shell)?.[0] ?? '';
  const manifestPath = path.join(root, '.vite', 'manifest.json');
  let headTags = '';
  if (fs.existsSync(manifestPath)) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
    const entry = Object.values(manifest).find((item) => item.isEntry);
    if (entry) {
      headTags = [
        icon,
        ...(entry.css ?? []).map((css) => `<link rel="stylesheet" href="/${escapeHtml(css)}">`),
        `<script type="module" src="/${escapeHtml(entry.file)}"></script>`,
      ].join('');
    }
  }
  return { shell, headTags, files };
}

