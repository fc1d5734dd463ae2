import { defineConfig } from 'vitest/config';

/** Unit tests: pure core in Node, DOM code under happy-dom (per-file `@vitest-environment`). */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
