import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    globals: false,
    // Integration files each use their own queue prefix, so they can run in parallel on one Redis.
    fileParallelism: true,
  },
});
