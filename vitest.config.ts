import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
