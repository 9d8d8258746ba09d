import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { startHeartbeats, type HeartbeatSeries, type Heartbeats } from '../availability/heartbeats.js';
import { availabilityDepsOf, readAvailability } from '../availability/read-availability.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import { createAvailabilityRoute } from '../http/availability-route.js';
import type { Logger } from '../logger.js';
import type { Workers } from '../../workers/index.js';

export interface AvailabilityTileFigures {
  officeHoursPercent: number | null;
  outsideOfficeHoursPercent: number | null;
  interruptions: number;
}

/**
 * The service's own availability: heartbeats of this process's roles (and of `/readyz` where
 * the web role runs), the report route, and the figures for the dashboard's tile. Real time
 * throughout: availability is about the machine, not a scenario's virtual clock.
 */
export function createAvailability({ config, redis, logger }: { config: Readonly<Config>; redis: Redis; logger: Logger }) {
  const reader = availabilityDepsOf(redis, config);
  const sampleMs = config.operations.healthSampleSeconds * 1000;
  return {
    route: (): Router => createAvailabilityRoute({ reader, zone: config.sla.calendar.zone, clock: systemClock }),
    /** For the dashboard: null when nothing was measured in the period. An arrow: the dashboard is handed it on its own. */
    tile: async (period: { fromMs: number; toMs: number }): Promise<AvailabilityTileFigures | null> => {
      const { report } = await readAvailability(reader, period, systemClock.now());
      return (
        report && {
          officeHoursPercent: report.officeHours.percent,
          outsideOfficeHoursPercent: report.outsideOfficeHours.percent,
          interruptions: report.interruptions,
        }
      );
    },
    start(roles: { httpUrl: string | undefined; workers: Workers | undefined; worker: boolean }): Heartbeats {
      const series: HeartbeatSeries[] = [];
      const { httpUrl, workers } = roles;
      if (httpUrl) {
        series.push({ name: 'web', isUp: async () => true });
        series.push({ name: 'readiness', isUp: () => probe(`${httpUrl}/readyz`, Math.min(5_000, sampleMs / 2)) });
      }
      // A worker role without workers (Xurrent not configured) processes nothing: no beat.
      if (roles.worker) series.push({ name: 'worker', isUp: async () => workers?.isRunning() ?? false });
      return startHeartbeats({ store: reader.store, series, sampleMs, logger });
    },
  };
}

async function probe(url: string, timeoutMs: number): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await res.body?.cancel();
  return res.ok;
}
