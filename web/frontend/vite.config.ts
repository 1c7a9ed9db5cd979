import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

/** One HTML entry per page under src/<page>/index.html; each is served at /<page>/. */
export const PAGES = ['wall', 'admin'] as const;

const src = fileURLToPath(new URL('./src/', import.meta.url));
const backend = process.env.HAZWATCH_DEV_BACKEND ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: src,
  base: '/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../dist/', import.meta.url)),
    emptyOutDir: true,
    reportCompressedSize: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { input: Object.fromEntries(PAGES.map((page) => [page, `${src}${page}/index.html`])) },
  },
  // `npx vite --config web/frontend/vite.config.ts` against a running `npm start`.
  server: { proxy: { '/api': backend, '/socket.io': { target: backend, ws: true } } },
});
