import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { iifeScripts } from './scripts/iife-script.ts';

/** The app's version, written into the build: the browser build has no desktop side to ask. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer build. `build/public` holds the bundled library written by `npm run build:library`.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../build/public',
  // iifeScripts: the offline copy's script, bundled with the search engine (`?iife` imports).
  plugins: [react(), iifeScripts()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  worker: { format: 'es' },
});
