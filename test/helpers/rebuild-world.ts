import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import type { SlaRecord } from '../../src/domain/reports/sla-record.js';
import { createKeyedLocks } from '../../src/redis/request-lock.js';
import { rebuildFromXurrent } from '../../src/reports/rebuild-from-xurrent.js';
import { createReportStore } from '../../src/reports/report-store.js';
import type { SlaTimers } from '../../src/queue/sla-timers.js';
import type { SimContext } from '../../src/simulator/changes.js';
import { startSimulator } from '../../src/simulator/index.js';
import { requestCreate, requestUpdate } from '../../src/simulator/request-mutations.js';
import { createRootValue } from '../../src/simulator/root.js';
import { createWorkflowStore } from '../../src/state/workflow-store.js';
import { createReconcileProcessor } from '../../workers/reconcile-request.js';
import { createReportWriter } from '../../workers/report-writer.js';
import { createWorkflowPolicy } from '../../workers/workflow-policy.js';
import { createLogCapture } from './log-capture.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from './redis.js';
import { simulatorClient } from './simulator-client.js';
import { testJobContext } from './job-context.js';

// Monday 12 January 2026, Amsterdam support hours 08:30–17:30 = 07:30Z–16:30Z.
export const at = (time: string, day = 12) => Date.parse(`2026-01-${day}T${time}:00Z`);

export const byKey = (records: readonly SlaRecord[]) =>
  [...records].sort((a, b) => `${a.requestId}:${a.target}`.localeCompare(`${b.requestId}:${b.target}`));

/** The Redis connection and log the worlds of one test file share; `close` stops every world made and disconnects. */
export function openRebuildWorlds() {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const log = createLogCapture();
  const cleanups: (() => Promise<void>)[] = [];

  /**
   * A simulator (its own: the rebuild reads every request in it), a report store under its own
   * prefix, and the reconcile worker on a virtual clock with the workflow configuration `env`.
   */
  async function createWorld(env: Record<string, string>) {
    const clock = {
      nowMs: at('08:00'),
      now() {
        return this.nowMs;
      },
    };
    const prefix = uniquePrefix('rebuild');
    // Calls are not what this test is about: the burst limit is lifted (the virtual clock jumps hours between calls).
    const sim = await startSimulator({ clock, budgets: { burstLimit: 10_000 } });
    cleanups.push(
      () => sim.close(),
      () => deleteKeys(prefix),
    );
    const xurrent = simulatorClient(sim, log.logger);
    const policy = createWorkflowPolicy(loadConfig(env));
    const reports = createReportStore(redis, prefix, 400, log.logger);
    const timers: SlaTimers = { reschedule: async () => undefined };
    const reconcile = createReconcileProcessor({
      store: createWorkflowStore(redis, prefix, log.logger),
      locks: createKeyedLocks(redis, { prefix, ttlMs: 60_000 }),
      timers,
      policy,
      reports: createReportWriter({
        store: reports,
        calendar: policy.calendar,
        sla: policy.sla,
        providerAccountId: policy.providerAccountId ?? null,
      }),
    });
    const ids = new Map<string, string>();
    const ctx = (personId: string | undefined): SimContext => ({ personId, changes: [] });
    return {
      clock,
      prefix,
      sim,
      xurrent,
      policy,
      reports,
      ids,
      create: (ref: string, category: string, impact: string, extra: Record<string, string> = {}) => {
        const c = ctx(sim.demo.customerId);
        requestCreate(sim.store, c, { subject: `${ref} subject`, category, impact, ...extra });
        ids.set(ref, c.changes[0]?.objectId as string);
      },
      update: (ref: string, status: string) => {
        requestUpdate(sim.store, ctx(undefined), {
          id: ids.get(ref),
          status,
          ...(status === 'completed' ? { completionReason: 'solved' } : {}),
        });
      },
      /** The requester adds a note (a reply to the worker's ask). */
      reply: (ref: string, text: string) => {
        createRootValue(sim.store).noteCreate(
          { input: { ownerId: ids.get(ref) as string, text, internal: false } },
          ctx(sim.demo.customerId),
        );
      },
      /** What the webhook or SLA timer would do: a reconcile of the request at the clock's instant. */
      reconcileAt: async (time: number, ...refs: string[]) => {
        clock.nowMs = time;
        for (const ref of refs)
          await reconcile(
            { requestNodeId: ids.get(ref) as string, reason: 'test' },
            testJobContext({ xurrent, logger: log.logger, clock, jobId: `job-${ref}` }),
          );
      },
      rebuild: (nowMs: number) =>
        rebuildFromXurrent(
          { xurrent, triage: policy.triage, sla: policy.sla, calendar: policy.calendar, workflow: policy },
          nowMs + 1,
          nowMs,
        ),
    };
  }

  const close = async () => {
    for (const cleanup of cleanups) await cleanup();
    redis.disconnect();
  };
  return { redis, log, createWorld, close };
}
