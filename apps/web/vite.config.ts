import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { WEB_ROUTE_PREFIXES } from './src/routing/web-routes';

/**
 * The web app is built into dist/web beside the API's compiled code and served by the API at `/`.
 * Everything is bundled: no CDN, no font or script from another origin (the CSP allows 'self' only).
 * web-routes.json tells the API which paths are the app's, so a reload on /dossiers/... gets index.html.
 */
export default defineConfig({
  root: resolve(__dirname),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: process.env.WEB_OUT_DIR ?? resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    // One bundle of ~200 KB gzipped is the budget (issue: under 300 KB); splitting would only add requests.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // rjsf marks its hooks 'use client' for React Server Components, which this app does not use.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  plugins: [
    {
      name: 'web-routes-manifest',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'web-routes.json', source: JSON.stringify({ prefixes: WEB_ROUTE_PREFIXES }) });
      },
    },
  ],
});
