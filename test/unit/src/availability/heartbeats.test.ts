import { describe, expect, it } from 'vitest';
import { startHeartbeats } from '../../../../src/availability/heartbeats.js';
import type { UptimeStore } from '../../../../src/availability/uptime-store.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

const SAMPLE = 30_000;

/** A store that keeps runs by member, as the Redis one does (same member = same run, score = last beat). */
function memoryStore(fail: () => boolean) {
  const runs = new Map<string, { series: string; startMs: number; lastBeatMs: number }>();
  const store: UptimeStore = {
    async beat(series, processId, startMs, nowMs) {
      if (fail()) throw new Error('redis down');
      runs.set(`${series}|${startMs}|${processId}`, { series, startMs, lastBeatMs: nowMs });
    },
    runs: async () => [],
    lastBeatMs: async () => null,
    firstBeatMs: async () => null,
  };
  return {
    store,
    runs: (series: string) =>
      [...runs.values()].filter((r) => r.series === series).map(({ startMs, lastBeatMs }) => ({ startMs, lastBeatMs })),
  };
}

describe('heartbeats', () => {
  it('extends one run while beats come every sample, and starts a new one after a failed check, a failed write or a stall', async () => {
    let now = 1_000_000;
    let up = true;
    let redisDown = false;
    const memory = memoryStore(() => redisDown);
    const log = createLogCapture();
    const beats = startHeartbeats({
      store: memory.store,
      series: [{ name: 'web', isUp: async () => up }],
      sampleMs: SAMPLE,
      logger: log.logger,
      now: () => now,
    });
    beats.stop(); // drive the beats by hand; the first one already ran at start
    await new Promise((resolve) => setImmediate(resolve));
    const tick = async (ms = SAMPLE) => {
      now += ms;
      await beats.beatOnce();
    };
    await tick();
    await tick(2 * SAMPLE); // one beat missed: still the same run
    expect(memory.runs('web')).toEqual([{ startMs: 1_000_000, lastBeatMs: 1_090_000 }]);

    up = false;
    await tick(); // not up: no beat, the run ends
    up = true;
    await tick();
    expect(memory.runs('web')).toEqual([
      { startMs: 1_000_000, lastBeatMs: 1_090_000 },
      { startMs: 1_150_000, lastBeatMs: 1_150_000 },
    ]);

    redisDown = true;
    await tick();
    redisDown = false;
    await tick();
    await tick(2 * SAMPLE + 1); // a stall longer than two samples
    expect(memory.runs('web').map((r) => r.startMs)).toEqual([1_000_000, 1_150_000, 1_210_000, 1_270_001]);
    expect(log.lines().filter((l) => l.message === 'heartbeat not recorded')).toHaveLength(1);
  });
});
