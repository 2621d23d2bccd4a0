import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build. `build/public` holds the bundled library written by `npm run build:library`.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../build/public',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  worker: { format: 'es' },
});
