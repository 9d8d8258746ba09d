import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import { PROBLEM_SOURCE } from '../../../src/domain/problems/problem-group.js';
import { createFollowUpTimers, enqueueForward } from '../../../src/queue/follow-up-timers.js';
import type { ResyncJob } from '../../../schema/jobs.js';
import { JOBS, openQueues, type JobKey, type OpenQueues } from '../../../src/queue/jobs.js';
import { enqueueProblemCheck } from '../../../src/queue/problem-producer.js';
import { createRcaTimers } from '../../../src/queue/rca-timers.js';
import { createSlaTimers } from '../../../src/queue/sla-timers.js';
import type { SimContext } from '../../../src/simulator/changes.js';
import { startSimulator, type Simulator } from '../../../src/simulator/index.js';
import { problemCreate } from '../../../src/simulator/problem-mutations.js';
import { requestCreate } from '../../../src/simulator/request-mutations.js';
import { createWorkflowStore } from '../../../src/state/workflow-store.js';
import { createRequestEventProcessor } from '../../../workers/request-event.js';
import { createResyncWorkers } from '../../../workers/resync-workers.js';
import { listen, postRaw } from '../../helpers/http.js';
import { startTestIntake } from '../../helpers/intake.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { runCliCapture } from '../../helpers/run-cli.js';
import { requestEnvelope, verifyEnvelope } from '../../helpers/signing.js';
import { simulatorClient } from '../../helpers/simulator-client.js';
import { waitFor } from '../../helpers/wait-for.js';
import { testJobContext } from '../../helpers/job-context.js';

/**
 * Every entry point that adds jobs (web intake, workers and their timers, the resync worker, the
 * CLI) is run against Redis, and each job's stored options are compared with the registry's. The
 * scenario runner adds no jobs of its own (it runs this same service and promotes its timers).
 */
const RETRY_AND_RETENTION = ['attempts', 'backoff', 'removeOnComplete', 'removeOnFail'] as const;
const pick = (opts: object) => Object.fromEntries(RETRY_AND_RETENTION.map((key) => [key, (opts as Record<string, unknown>)[key]]));

function expectRegistryOptions(key: JobKey, job: Job | undefined): void {
  expect(job, `a ${key} job`).toBeDefined();
  expect(job?.name).toBe(JOBS[key].name);
  expect({ job: key, ...pick(job?.opts ?? {}) }).toEqual({ job: key, ...pick(JOBS[key].options) });
  // Every job the service adds rides out a Xurrent outage: none runs once only.
  expect(job?.opts.attempts, key).toBeGreaterThan(1);
}

const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
const prefixes: string[] = [];
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
  redis.disconnect();
  for (const prefix of prefixes) await deleteKeys(prefix);
});

function queuesOnNewPrefix(name: string): OpenQueues {
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  return openQueues(redis, prefix);
}

describe('job options come from the registry, whichever entry point adds the job', () => {
  it('web intake: request events, problem events and verification handshakes', async () => {
    const intake = await startTestIntake({
      XURRENT_ACCOUNT: 'acme',
      XURRENT_DOMAIN: 'xurrent.qa',
      XURRENT_WEBHOOK_REQUIRE_SIGNATURE: 'false',
    });
    const server = await listen(intake.app);
    try {
      const deliver = (envelope: Record<string, unknown>, id: string) =>
        postRaw(server.url, JSON.stringify(envelope), { 'content-type': 'application/json', 'x-xurrent-delivery': id });
      expect((await deliver(requestEnvelope({ event: 'request.update' }), 'opts-request')).status).toBe(202);
      expect((await deliver(requestEnvelope({ event: 'problem.update' }), 'opts-problem')).status).toBe(202);
      // A handshake is answered 200 once its job is queued.
      expect((await deliver(verifyEnvelope(), 'opts-verify')).status).toBe(200);
      expectRegistryOptions('requestEvent', await intake.queues.events.getJob('delivery-opts-request'));
      expectRegistryOptions('problemEvent', await intake.queues.problemEvents.getJob('delivery-opts-problem'));
      expectRegistryOptions('webhookVerify', await intake.queues.webhookVerify.getJob('delivery-opts-verify'));
    } finally {
      await server.close();
      await intake.close();
    }
  });

  it('workers: reconciles, problem checks, forwards and every timer', async () => {
    const queues = queuesOnNewPrefix('opts-workers');
    const { logger } = createLogCapture('error');
    const event = {
      deliveryId: 'd1',
      event: 'request.update',
      accountId: 'acme',
      requestNodeId: 'req-1',
      receivedAt: new Date().toISOString(),
    };
    await createRequestEventProcessor({ queues })(event, testJobContext({ xurrent: simulatorClient(sim, logger), logger }));
    expectRegistryOptions('reconcileRequest', (await queues.requests.getJobs(['waiting']))[0]);

    const fireAtMs = Date.now() + 3_600_000;
    await createSlaTimers({ queues, clock: systemClock }).reschedule('req-1', undefined, fireAtMs);
    expectRegistryOptions('slaTimer', await queues.slaTimers.getJob(JOBS.slaTimer.jobId({ requestNodeId: 'req-1', fireAtMs })));

    await enqueueProblemCheck(queues, { requestNodeId: 'req-1' });
    expectRegistryOptions('manageProblem', (await queues.problems.getJobs(['waiting']))[0]);

    await createRcaTimers({ queues, clock: systemClock }).schedule({ problemNodeId: 'prb-1', stage: 'warning', fireAtMs });
    expectRegistryOptions('rcaFollowUp', (await queues.rcaFollowUp.getJobs(['delayed']))[0]);

    await enqueueForward(queues, { requestNodeId: 'req-1' });
    expectRegistryOptions('forwardToXurrent', (await queues.xurrentForward.getJobs(['waiting']))[0]);

    await createFollowUpTimers({ queues, redis, prefix: prefixes.at(-1) ?? '', clock: systemClock }).schedule('req-1', fireAtMs);
    expectRegistryOptions('followUpXurrent', (await queues.xurrentFollowUp.getJobs(['delayed']))[0]);
    await queues.close();
  });

  it('resync worker: the cold start full resync, the sweeps (worker start and scheduler), and the problems it finds again', async () => {
    const queues = queuesOnNewPrefix('opts-resync');
    const prefix = prefixes.at(-1) ?? '';
    const ctx = { personId: sim.demo.customerId, changes: [] } as SimContext;
    requestCreate(sim.store, ctx, { subject: 'Printer jam', category: 'incident' });
    problemCreate(sim.store, ctx, { subject: 'Mail down', serviceId: sim.demo.serviceIds.email, source: PROBLEM_SOURCE });
    const capture = createLogCapture('error');
    const config = loadConfig({ QUEUE_PREFIX: prefix, XURRENT_ACCOUNT: sim.account, RESYNC_INTERVAL: 'PT5M' });
    const resync = createResyncWorkers({
      config,
      connection: redis,
      queues,
      clock: systemClock,
      logger: capture.logger,
      markerCheckMs: 60_000,
      xurrent: simulatorClient(sim, capture.logger),
      store: createWorkflowStore(redis, prefix, capture.logger),
      budgetLeft: async () => ({}),
    });
    try {
      await resync.start(); // cold start: no marker in this Redis
      await resync.start(); // a restart: the marker is there, so a sweep to catch up
      const jobs = await waitFor(async () => {
        const all = await queues.resync.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed', 'prioritized']);
        const restored = await queues.problemEvents.getJobs(['prioritized', 'waiting']);
        const full = all.find((job) => job.name === JOBS.resyncFull.name);
        const started = all.find((job) => (job.data as ResyncJob | undefined)?.reason === 'worker-start');
        const scheduled = all.find((job) => (job.data as ResyncJob | undefined)?.reason === 'schedule');
        return full && started && scheduled && restored[0] ? { full, started, scheduled, restored: restored[0] } : undefined;
      }, 'the resync jobs and the problem found again');
      expectRegistryOptions('resyncFull', jobs.full);
      expectRegistryOptions('resyncSweep', jobs.started);
      expectRegistryOptions('resyncSweep', jobs.scheduled);
      expectRegistryOptions('resyncProblemEvent', jobs.restored);
      expectRegistryOptions('reconcileRequest', (await queues.requests.getJobs(['prioritized']))[0]);
    } finally {
      await Promise.all(resync.workers.map((worker) => worker.close()));
      resync.stop();
      await queues.close();
    }
  });

  it("cli resync: the full resync it queues has the retries of the worker's own", async () => {
    const queues = queuesOnNewPrefix('opts-cli');
    const { code, out } = await runCliCapture(['resync', '--since', 'P1D'], {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefixes.at(-1) ?? '',
    });
    expect(code).toBe(0);
    expectRegistryOptions('resyncFull', await queues.resync.getJob((JSON.parse(out) as { queued: string }).queued));
    await queues.close();
  });
});
