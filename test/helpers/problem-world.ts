import { urlTarget } from '../../src/redis/redis-target.js';
import { Redis } from 'ioredis';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openQueues } from '../../src/queue/jobs.js';
import { JOB_NAMES } from '../../src/queue/names.js';
import { enqueueReconcile } from '../../src/queue/reconcile-producer.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { requestCreate } from '../../src/simulator/request-mutations.js';
import type { ProblemRecord } from '../../src/simulator/store.js';
import { createXurrentClient } from '../../src/xurrent/client.js';
import { createWorkers, type Workers } from '../../workers/index.js';
import { createLogCapture } from './log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis.js';
import { simulatorConfig } from './simulator-client.js';
import { waitFor } from './wait-for.js';

const DAY = 86_400_000;

/**
 * The simulator, a real Redis under a unique prefix and (unless `workers: false`) the real workers
 * in this process: incidents are registered in the simulator and reconciled as a webhook would cause.
 */
export async function startProblemWorld(options: { env?: Record<string, string>; workers?: boolean } = {}) {
  const prefix = uniquePrefix('problems');
  const sim: Simulator = await startSimulator({ budgets: { burstLimit: 10_000, burstWindowMs: 2_000 } });
  const producer = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const queues = openQueues(producer, prefix);
  const { requests, problems, rcaFollowUp: rca, problemEvents } = queues;
  let eventsSent = 0;
  const { logger } = createLogCapture('error');
  const config = loadConfig({
    QUEUE_PREFIX: prefix,
    PROBLEM_MANAGER_ID: sim.demo.apiUserId,
    PROBLEM_TEAM_ID: sim.demo.teamIds.serviceDesk,
    ...options.env,
  });
  let workers: Workers | undefined;
  if (options.workers !== false) {
    const xurrent = createXurrentClient({ config: simulatorConfig(sim), logger });
    workers = createWorkers({
      config: { ...config, queue: { prefix, concurrency: 4, lockMs: 30_000 } },
      redis: urlTarget(TEST_REDIS_URL),
      xurrent,
      logger,
      clock: systemClock,
    });
  }
  let reconciled = 0;

  const addInstance = (name: string): string => {
    const { id } = sim.store.nextId('ServiceInstance');
    sim.store.serviceInstances.set(id, { id, name, serviceId: sim.demo.serviceIds.email, supportTeamId: sim.demo.teamIds.serviceDesk });
    return id;
  };
  /** Registers an incident, `daysAgo` days before now. */
  const incident = (impact: string, serviceInstanceId: string | undefined, daysAgo = 0): string => {
    const input = { subject: `${impact} incident`, impact, ...(serviceInstanceId ? { serviceInstanceId } : {}) };
    const created = requestCreate(sim.store, { personId: sim.demo.customerId, changes: [] }, input) as { request?: { id: string } };
    const id = created.request?.id ?? '';
    const record = sim.store.requests.get(id);
    if (record) record.createdAt = record.updatedAt = new Date(Date.now() - daysAgo * DAY).toISOString();
    return id;
  };
  /** Reconciles the requests (as their webhooks would) and waits until every follow-up job is done. */
  const reconcile = async (...ids: string[]): Promise<void> => {
    for (const id of ids) await enqueueReconcile(queues, { requestNodeId: id, reason: 'test' });
    reconciled += ids.length;
    await waitFor(
      async () => {
        const [r, p] = await Promise.all([requests.getJobCounts(), problems.getJobCounts()]);
        const busy = ['waiting', 'active', 'delayed', 'prioritized'].some((s) => (r[s] ?? 0) + (p[s] ?? 0) > 0);
        return !busy && (r['completed'] ?? 0) >= reconciled;
      },
      'reconciles and problem checks to finish',
      30_000,
    );
  };
  /** Waits until `count` RCA timers have run (timers due later stay delayed). */
  const rcaTimersRun = (count: number) =>
    waitFor(async () => {
      const c = await rca.getJobCounts();
      return (c['waiting'] ?? 0) + (c['active'] ?? 0) === 0 && (c['completed'] ?? 0) >= count ? c : undefined;
    }, 'RCA timers to run');
  /** Queues `count` deliveries of a problem webhook, as intake does, and waits until they are processed. */
  const sendProblemEvents = async (problemNodeId: string, event: string, count = 1): Promise<void> => {
    const jobs = Array.from({ length: count }, () => {
      const deliveryId = `d${++eventsSent}`;
      return {
        name: JOB_NAMES.problemEvent,
        data: { deliveryId, event, accountId: sim.account, problemNodeId, receivedAt: new Date().toISOString() },
        opts: { jobId: deliveryId },
      };
    });
    await problemEvents.addBulk(jobs);
    await waitFor(async () => (await problemEvents.getJobCounts('completed'))['completed'] === eventsSent, 'problem events to finish');
  };
  const problemList = (): ProblemRecord[] => [...sim.store.problems.values()];
  const close = async () => {
    await workers?.close(true);
    await queues.close();
    producer.disconnect();
    await deleteKeys(prefix);
    await sim.close();
  };
  return { sim, prefix, addInstance, incident, reconcile, rcaTimersRun, sendProblemEvents, problems: problemList, close, DAY };
}
