import type { Redis } from 'ioredis';

/**
 * What the reconciliation keeps in Redis, all under the queue prefix: the marker that says this
 * Redis holds the worker's state (absent: cold start, run a full resync), the sweep's high-water
 * mark (epoch ms) and a small status other code reads (readiness warning, dashboard).
 */
export interface ResyncStatus {
  lastSweepAtMs: number | null;
  /** Changes the last sweep found that the worker had not seen through a webhook. */
  lastSweepMissed: number;
  /** Total of such changes since the status was created (a counter metric). */
  missedTotal: number;
  /** Set when changes arrived without webhooks (Xurrent may have disabled the webhook); cleared when webhooks bring changes again. */
  warning: string | null;
}

const STATUS_TTL_SECONDS = 30 * 24 * 60 * 60;

export function createResyncState(redis: Redis, prefix: string) {
  const markerKey = `${prefix}:resync:state-marker`;
  const highWaterKey = `${prefix}:resync:high-water`;
  const statusKey = `${prefix}:resync:status`;
  return {
    /** Marks this Redis as holding the worker's state; true when the marker was absent (cold start). */
    async claimMarker(nowMs: number): Promise<boolean> {
      return (await redis.set(markerKey, String(nowMs), 'NX')) === 'OK';
    },
    async hasMarker(): Promise<boolean> {
      return (await redis.exists(markerKey)) === 1;
    },
    async highWater(): Promise<number | null> {
      const raw = await redis.get(highWaterKey);
      return raw === null ? null : Number(raw);
    },
    /** Moves the mark forward only (a slow sweep finishing after a later one never moves it back). */
    async advanceHighWater(ms: number): Promise<void> {
      const current = await redis.get(highWaterKey);
      if (current === null || Number(current) < ms) await redis.set(highWaterKey, String(ms));
    },
    async recordSweep(atMs: number, missed: number, warning: string | null | undefined): Promise<void> {
      const fields: Record<string, string | number> = { lastSweepAtMs: atMs, lastSweepMissed: missed };
      const tx = redis.multi().hset(statusKey, fields).hincrby(statusKey, 'missedTotal', missed);
      if (warning !== undefined) tx.hset(statusKey, 'warning', warning ?? '');
      await tx.expire(statusKey, STATUS_TTL_SECONDS).exec();
    },
    async status(): Promise<ResyncStatus> {
      const raw = await redis.hgetall(statusKey);
      return {
        lastSweepAtMs: raw['lastSweepAtMs'] ? Number(raw['lastSweepAtMs']) : null,
        lastSweepMissed: Number(raw['lastSweepMissed'] ?? 0),
        missedTotal: Number(raw['missedTotal'] ?? 0),
        warning: raw['warning'] ? raw['warning'] : null,
      };
    },
  };
}
export type ResyncState = ReturnType<typeof createResyncState>;
