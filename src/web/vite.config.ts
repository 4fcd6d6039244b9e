/**
 * Vite build of the web shell. The root is this folder so index.html sits next to the code; the
 * output goes to <repo>/dist/web, which the server serves (and falls back to for client routes).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // The server's CSP allows scripts from 'self' only, so nothing may be inlined as a data: URL.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
