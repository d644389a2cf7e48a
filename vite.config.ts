import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app (src/web) is built into dist/web and served by `leeway serve` itself; the manifest tells
 * the server which hashed files to link from its own pages (the candidate page is rendered by the server
 * so it works without JavaScript, then the app takes over).
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    // The app talks only to its own origin; no inline scripts so the CSP can stay strict.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/c/': 'http://127.0.0.1:3000' },
  },
});
