import { defineConfig } from 'vitest/config';

// One Temporal dev server and one workflow bundle serve the whole run (test/support/global-setup.ts).
// Two cores here: at most two test files at a time.
export default defineConfig({
  test: {
    include: [
      'test/**/*.test.ts',
      'engine/**/__tests__/**/*.test.ts',
      'workflows/**/__tests__/**/*.test.ts',
      'activities/**/__tests__/**/*.test.ts',
      'designer/**/__tests__/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'designer/dist/**', '.data/**', '.cache/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
