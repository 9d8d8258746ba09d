import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createLogger } from '../../src/logger.js';
import { createRedis } from '../../src/redis/connection.js';
import type { RedisTarget } from '../../src/redis/redis-target.js';
import { openQueues, type OpenQueues as Queues } from '../../src/queue/jobs.js';
import { JOB_NAMES } from '../../src/queue/names.js';
import { collectReport } from '../../src/scenario/collect-report.js';
import type { ScenarioReport } from '../../src/scenario/report.js';
import { waitUntilIdle } from '../../src/scenario/wait-idle.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { requestCreate } from '../../src/simulator/request-mutations.js';
import { createWorkflowStore } from '../../src/state/workflow-store.js';

const DAY = 86_400_000;
/** Fixed for the whole test file, so an undisturbed run and a disturbed one compute the same due instants. */
const BASE_MS = Math.floor(Date.now() / 60_000) * 60_000;

/** Knobs for the fault tests: CI sizes by default, larger ones for `npm run soak`. */
export function faultKnob(name: string, ciDefault: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : ciDefault;
}

/** Each fault test's time limit (the soak raises it with its sizes). */
export const FAULT_TIMEOUT_MS = faultKnob('FAULT_TIMEOUT_MS', 60_000);

/**
 * One simulated Xurrent account with `count` requests, seeded straight into the store: every third an
 * incident with top impact registered ten days ago (past every escalation step), on a service instance
 * of its own (so it gets a problem of its own), the rest medium ones of a minute ago. The workers run
 * with COMPLETENESS_RULES=none, so registration neither asks nor pauses.
 */
export async function seedWorld(count: number): Promise<{ sim: Simulator; refs: Map<string, string> }> {
  // Budgets far above Xurrent's: the soak sizes would otherwise spend the hourly cost budget (5 000) and
  // the workers would rightly wait for the next hour.
  const sim = await startSimulator({
    budgets: { burstLimit: 100_000, burstWindowMs: 2_000, hourlyRequests: 10_000_000, hourlyCost: 10_000_000 },
  });
  const refs = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const old = i % 3 === 0;
    const instance = old ? sim.store.nextId('ServiceInstance').id : undefined;
    if (instance)
      sim.store.serviceInstances.set(instance, {
        id: instance,
        name: `instance ${i}`,
        serviceId: sim.demo.serviceIds.email,
        supportTeamId: sim.demo.teamIds.serviceDesk,
      });
    const input = { subject: `fault ${i}`, impact: old ? 'top' : 'medium', ...(instance ? { serviceInstanceId: instance } : {}) };
    const created = requestCreate(sim.store, { personId: sim.demo.customerId, changes: [] }, input);
    const id = (created as { request?: { id: string } }).request?.id ?? '';
    const record = sim.store.requests.get(id);
    if (record) record.createdAt = record.updatedAt = new Date(old ? BASE_MS - 10 * DAY : BASE_MS - 60_000).toISOString();
    refs.set(`r${i}`, id);
  }
  return { sim, refs };
}

/** The env of a worker process (test/helpers/worker-process.ts) against `sim` on `redisUrl`. */
export function workerEnv(sim: Simulator, redisUrl: string, prefix: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    REDIS_URL: redisUrl,
    PREFIX: prefix,
    BURST_LIMIT: '100',
    BURST_WINDOW_MS: '500',
    ESCALATION_L1_PERSON_ID: sim.demo.customerId,
    XURRENT_TOKEN: sim.issueToken(),
    XURRENT_ACCOUNT: sim.account,
    XURRENT_GRAPHQL_URL: sim.graphqlUrl,
    ...extra,
  };
}

/** `perRequest` request-event jobs for each request, interleaved across requests as a burst would be. */
export async function enqueueEvents(
  queues: Queues,
  sim: Simulator,
  refs: ReadonlyMap<string, string>,
  perRequest: number,
  label: string,
): Promise<number> {
  const ids = [...refs.values()];
  const jobs = Array.from({ length: perRequest }, (_, e) =>
    ids.map((id, r) => ({
      name: JOB_NAMES.requestEvent,
      data: {
        deliveryId: `${label}-${r}-${e}`,
        event: 'request.update',
        accountId: sim.account,
        requestNodeId: id,
        receivedAt: new Date().toISOString(),
      },
      opts: { jobId: `${label}-${r}-${e}` },
    })),
  ).flat();
  await queues.events.addBulk(jobs);
  return jobs.length;
}

/** Producer-side handles on one prefix: queues to add to, an idle check and the end-state report. */
export function openPipeline(where: string | RedisTarget, prefix: string) {
  // A URL: one command attempt (a restarted Redis fails fast); a Sentinel target waits out a failover.
  const redis = typeof where === 'string' ? new Redis(where, { maxRetriesPerRequest: 1 }) : createRedis(where, 'worker', 'test-pipeline');
  // A restarted Redis is part of some tests: its connection errors are expected, not unhandled.
  const queues = openQueues(redis, prefix, { onError: () => undefined });
  const work = [queues.events, queues.requests, queues.problems];
  const timers = [queues.slaTimers, queues.rcaFollowUp];
  redis.on('error', () => undefined);
  const store = createWorkflowStore(redis, prefix, createLogger({ level: 'error' }));
  return {
    redis,
    queues,
    requests: work[1] as Queue,
    problems: work[2] as Queue,
    timerQueue: timers[0] as Queue,
    /**
     * When each timer job first went active, by job id, read from the timer queue's event stream
     * (Redis server time): exact, whatever else reconciled the same request meanwhile.
     */
    timerStarts: async (): Promise<Map<string, number>> => {
      const queue = timers[0] as Queue;
      const entries = await redis.xrange(queue.keys['events'] ?? '', '-', '+');
      const starts = new Map<string, number>();
      for (const [streamId, fields] of entries) {
        const field = (name: string) => fields[fields.indexOf(name) + 1];
        const jobId = field('jobId');
        const at = Number(streamId.split('-')[0]);
        if (field('event') === 'active' && jobId !== undefined && !((starts.get(jobId) ?? Infinity) <= at)) starts.set(jobId, at);
      }
      return starts;
    },
    idle: (timeoutMs: number) => waitUntilIdle({ webhooksIdle: async () => undefined, work, timers, pollMs: 100, timeoutMs }),
    report: (sim: Simulator, refs: ReadonlyMap<string, string>) => collectReport({ sim, store, refs }),
    close: async () => {
      await queues.close();
      redis.disconnect();
    },
  };
}

/**
 * A report made comparable across runs: escalation instants are when a worker got to them (wall
 * clock), problem refs follow creation order, and call counts include retried reads; what must agree
 * is everything else, plus each request's escalation levels and whether it has a problem.
 */
export function comparable(report: ScenarioReport) {
  const requests = Object.entries(report.requests).map(([ref, r]) => ({
    ref,
    ...r,
    escalations: r.escalations.map((e) => `${e.target ?? '-'}:${e.level}`),
    problem: r.problem !== null,
  }));
  const problems = Object.values(report.problems)
    .map((p) => `${p.reason}:${[...p.requests].sort().join(',')}`)
    .sort();
  return { requests, problems };
}

/** Notes on each request, by text marker: any marker seen twice is a duplicate side effect. */
export function duplicateMarkers(sim: Simulator): string[] {
  const duplicates: string[] = [];
  for (const record of sim.store.requests.values()) {
    const markers = record.noteIds.flatMap((id) => sim.store.notes.get(id)?.text.match(/\[xsw:[^\]]+\]/g) ?? []);
    const seen = new Set<string>();
    for (const marker of markers) {
      if (seen.has(marker)) duplicates.push(`${record.id} ${marker}`);
      else seen.add(marker);
    }
  }
  return duplicates;
}
