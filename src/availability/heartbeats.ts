import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { UptimeStore } from './uptime-store.js';

/** One thing whose availability is measured: a process role, or the webhook endpoint's readiness. */
export interface HeartbeatSeries {
  name: string;
  /** Resolves true when up right now; a beat is recorded only then. */
  isUp: () => Promise<boolean>;
}

export interface HeartbeatDeps {
  store: UptimeStore;
  series: readonly HeartbeatSeries[];
  sampleMs: number;
  logger: Logger;
  /** Real time: availability is about the machine, never the scenario runner's virtual clock. */
  now?: () => number;
}

export interface Heartbeats {
  /** Records one round of beats now (also run every `sampleMs`). */
  beatOnce(): Promise<void>;
  stop(): void;
}

/**
 * Records every series' heartbeat every `sampleMs`. A run continues while beats are written at
 * most two sample intervals apart; a failed check, a failed write (Redis down) or a stalled
 * process starts a new run, which the report turns into an interruption.
 */
export function startHeartbeats({ store, series, sampleMs, logger, now = Date.now }: HeartbeatDeps): Heartbeats {
  const processId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const runs = new Map<string, { startMs: number; lastWrittenMs: number }>();
  let warned = false;
  const beatOnce = async () => {
    await Promise.all(
      series.map(async ({ name, isUp }) => {
        const at = now();
        const up = await isUp().catch(() => false);
        if (!up) return void runs.delete(name);
        const run = runs.get(name);
        const startMs = run && at - run.lastWrittenMs <= 2 * sampleMs ? run.startMs : at;
        try {
          await store.beat(name, processId, startMs, at);
          runs.set(name, { startMs, lastWrittenMs: at });
          warned = false;
        } catch (error) {
          runs.delete(name);
          if (!warned)
            logger.warn('heartbeat not recorded', {
              component: 'availability',
              series: name,
              error: error instanceof Error ? error.message : String(error),
            });
          warned = true;
        }
      }),
    );
  };
  const timer = setInterval(() => void beatOnce(), sampleMs);
  timer.unref();
  void beatOnce();
  return { beatOnce, stop: () => clearInterval(timer) };
}
