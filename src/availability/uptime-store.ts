import type { Redis } from 'ioredis';

/** A stretch during which one process reported a series up: its first and last heartbeat, epoch ms. */
export interface UptimeRun {
  startMs: number;
  lastBeatMs: number;
}

export interface UptimeStore {
  /** Records a heartbeat of `series` at `nowMs` for the run of `processId` that began at `startMs`. */
  beat(series: string, processId: string, startMs: number, nowMs: number): Promise<void>;
  /** Runs of `series` that overlap [fromMs, toMs). */
  runs(series: string, fromMs: number, toMs: number): Promise<UptimeRun[]>;
  /** The first heartbeat ever kept (of any series), or null: measurement starts there. */
  firstBeatMs(): Promise<number | null>;
  /** The latest heartbeat of `series` by any process, or null (for `/metrics` and its alert). */
  lastBeatMs(series: string): Promise<number | null>;
}

/**
 * Heartbeats kept compactly: one sorted-set member per uninterrupted run of a process
 * (`<start>|<process id>`, score = its last beat), so a year of 30-second beats is a few members
 * per restart or outage rather than a million entries. Runs that ended more than the retention
 * ago are dropped on each beat.
 */
export function createUptimeStore(redis: Redis, prefix: string, retentionDays: number): UptimeStore {
  const key = (series: string) => `${prefix}:uptime:${series}`;
  const firstKey = `${prefix}:uptime-first-beat`;
  const retentionMs = retentionDays * 24 * 60 * 60 * 1000;
  return {
    async beat(series, processId, startMs, nowMs) {
      await redis
        .multi()
        .zadd(key(series), nowMs, `${startMs}|${processId}`)
        .zremrangebyscore(key(series), '-inf', `(${nowMs - retentionMs}`)
        .pexpire(key(series), retentionMs)
        .set(firstKey, String(startMs), 'NX')
        .exec();
    },
    async runs(series, fromMs, toMs) {
      const flat = await redis.zrangebyscore(key(series), fromMs, '+inf', 'WITHSCORES');
      const runs: UptimeRun[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const startMs = Number((flat[i] as string).split('|')[0]);
        if (Number.isFinite(startMs) && startMs < toMs) runs.push({ startMs, lastBeatMs: Number(flat[i + 1]) });
      }
      return runs;
    },
    async firstBeatMs() {
      const text = await redis.get(firstKey);
      return text === null ? null : Number(text);
    },
    async lastBeatMs(series) {
      const [, score] = await redis.zrevrange(key(series), 0, 0, 'WITHSCORES');
      return score === undefined ? null : Number(score);
    },
  };
}
