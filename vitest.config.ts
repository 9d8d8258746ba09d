import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    globals: false,
    // Integration files each use their own queue prefix, so they can run in parallel on one Redis.
    fileParallelism: true,
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, which ran the
    // files one after another although the integration and fault files mostly wait (on real processes,
    // Redis, backoff and Retry-After). Two workers per core overlap that waiting; `--maxWorkers` overrides.
    maxWorkers: Math.max(2, 2 * availableParallelism()),
    sequence: { sequencer: SlowFirstSequencer },
  },
});
