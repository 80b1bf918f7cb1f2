import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        // One Chromium at a time: the machine has 2 cores, and parallel browsers starve each other.
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000, hookTimeout: 90_000 },
      },
    ],
  },
});
