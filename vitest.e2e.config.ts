import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (dist/) in real Chromium and Firefox
 * ESR against local fixture pages. One file at a time, one test at a time:
 * each file owns a whole browser, and the machines this runs on have 2 cores.
 * Run `npm run build` first (`npm test` does).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
