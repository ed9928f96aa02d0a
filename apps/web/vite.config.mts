import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app (apps/web): built into apps/web/dist, which the API serves at `/` (apps/api/src/web-app.ts).
 * `npm run dev:web` serves it with a proxy to the API (API_ORIGIN, default http://127.0.0.1:3000).
 * Vite 8 compiles TSX itself (oxc); @vitejs/plugin-react is not used (it cannot be installed next to
 * jest's babel here), so there is no fast refresh: a change reloads the page.
 *
 * `--mode single-bundle` builds the same app without code-splitting: `npm run bench -- web`
 * compares what a volunteer's first page loads with and without it.
 */
// eslint-disable-next-line no-restricted-syntax -- the build tool's own setting, not the app's configuration
const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The budget (250 KB gzip for the first page) is held by the web bench, not by this warning.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: mode === 'single-bundle' ? { codeSplitting: false } : {},
      onLog(level, log, handler) {
        // antd marks its modules "use client" (for React Server Components); meaningless in a bundle.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(['/api', '/cal', '/health'].map((path) => [path, apiOrigin])),
  },
}));
