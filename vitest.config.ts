import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/slow-first-sequencer.js';

/**
 * Files that measure real-time pacing across processes (the shared limiter against the simulator's
 * burst limit): run alone after the rest, so other test files do not starve the processes they time.
 */
const ALONE = ['test/integration/xurrent/throughput.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    globals: false,
    // Integration files each use their own queue prefix, so they can run in parallel on one Redis.
    fileParallelism: true,
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, which ran the
    // files one after another although the integration and fault files mostly wait (on real processes,
    // Redis, backoff and Retry-After). One per core overlaps that waiting; `--maxWorkers` overrides.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      // Unit tests hold no process-wide state between files (no servers, Redis or timers left running), so
      // they share their workers' module cache instead of importing everything again per file: test/unit 57 s -> 20 s.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ['test/unit/**', ...ALONE] } },
      { extends: true, test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
