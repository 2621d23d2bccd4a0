import { defineConfig } from 'vitest/config';
import { iifeScripts } from './scripts/iife-script.ts';

export default defineConfig({
  // The renderer's `?iife` imports (the offline copy's script), as in vite.config.ts.
  plugins: [iifeScripts()],
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/packaging/**/*.test.ts'] } },
      // A real npm install of a fresh copy: it runs after the others, alone, so it slows none of them.
      { extends: true, test: { name: 'first command', include: ['test/install/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 120_000, sequence: { groupOrder: 1 } } },
    ],
  },
});
