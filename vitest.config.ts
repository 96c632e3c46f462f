import { defineConfig } from 'vitest/config';

// Three suites: the pure domain (fast), the API over real databases, and the browser.
export default defineConfig({
  test: {
    projects: [
      // The password dictionaries load on first use: generous, so a busy machine does not fail a rule test.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time on a two-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
