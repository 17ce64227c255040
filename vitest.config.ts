import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The slowest files and the counts (test-results/summary.json) after the usual report.
    reporters: ['default', './test/timing-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
