import { defineConfig } from 'vite';

/**
 * The app is served by `culprit serve` at `/` (packages/service/src/routes/web-ui.ts), so asset
 * URLs are absolute. `@culprit/core` resolves to its built `dist/` (tsc -b runs first).
 */
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  worker: { format: 'es' },
  build: { outDir: 'dist', target: 'es2022', sourcemap: false, reportCompressedSize: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/submit': 'http://127.0.0.1:8080' } },
});
