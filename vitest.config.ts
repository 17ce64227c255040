import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The slowest files and the counts (test-results/summary.json) after the usual report.
    reporters: ['default', './test/timing-reporter.ts'],
    // A page reaches its next state after a request to the real server and a re-render: under load
    // that is seconds, not vitest's default 1 s for expect.poll, which made tests fail by timing alone.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // Two files at once even on 2 cores (vitest's default there is one): a browser test spends much
    // of its time waiting on the page, the server and timers, which a second file fills. One file at
    // a time took the whole run past 8 minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
