import type { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import { countJobs } from '../queue/dead-letters.js';
import type { OpenQueues as QueueViews } from '../queue/jobs.js';
import { openClockKey } from './observe-workflow.js';
import { OPEN_STATES, TARGETS } from './sla-transitions.js';

export interface ClusterGaugeDeps {
  registry: Registry;
  redis: Redis;
  prefix: string;
  queues: QueueViews;
  /** The Redis hash where the limiter keeps Xurrent's budgets for this token; undefined: unknown. */
  budgetKey: string | undefined;
  logger: Logger;
}

/**
 * Gauges read from Redis at scrape time, so they describe the whole installation whichever
 * process does the work: queue depths, Xurrent's remaining budgets, open SLA clocks. Registered
 * by the web process only, so a sum over processes counts them once. A Redis failure leaves the
 * gauge without samples (the scrape still answers) and is logged.
 */
export function registerClusterGauges({ registry, redis, prefix, queues, budgetKey, logger }: ClusterGaugeDeps): void {
  const guard = async (name: string, gauge: Gauge<string>, read: () => Promise<void>) => {
    gauge.reset();
    try {
      await read();
    } catch (error) {
      gauge.reset();
      logger.warn('metrics gauge not collected', {
        component: 'metrics',
        gauge: name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  new Gauge({
    name: 'xsw_queue_jobs',
    help: 'Jobs per queue and state (BullMQ counts; completed and failed are those still kept)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      await guard('xsw_queue_jobs', this, async () => {
        for (const { queue, counts } of await countJobs(queues.all)) {
          for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
        }
      });
    },
  });
  new Gauge({
    name: 'xsw_xurrent_budget_remaining',
    help: "What Xurrent last reported left of this token's hourly budgets (requests, cost points)",
    labelNames: ['budget'],
    registers: [registry],
    async collect() {
      if (!budgetKey) return;
      await guard('xsw_xurrent_budget_remaining', this, async () => {
        const hash = await redis.hgetall(budgetKey);
        if (hash['reqRemaining'] !== undefined) this.set({ budget: 'requests' }, Number(hash['reqRemaining']));
        if (hash['costRemaining'] !== undefined) this.set({ budget: 'cost' }, Number(hash['costRemaining']));
      });
    },
  });
  new Gauge({
    name: 'xsw_sla_open_clocks',
    help: 'SLA targets still within target, running or paused, by target and state',
    labelNames: ['target', 'state'],
    registers: [registry],
    async collect() {
      await guard('xsw_sla_open_clocks', this, async () => {
        for (const target of TARGETS)
          for (const state of OPEN_STATES) this.set({ target, state }, await redis.scard(openClockKey(prefix, target, state)));
      });
    },
  });
}
