import type { Pipeline } from '../../src/scenario/start-pipeline.js';
import { waitUntilIdle } from '../../src/scenario/wait-idle.js';
import type { SimCall } from '../../src/simulator/call-log.js';
import type { SimContext } from '../../src/simulator/changes.js';
import { requestCreate } from '../../src/simulator/request-mutations.js';

export const IMPACTS = ['low', 'medium', 'high'] as const;
/** Nine requests at once: ~27 calls, more than the limiter lets start in one 2.5 s window. */
export const PER_IMPACT = 3;

/** The customer registers a batch of incidents at once; their webhooks go out together. */
export function createBatch(pipeline: Pipeline, refs: Map<string, string>, label: string): string[] {
  const { sim } = pipeline;
  const batch: string[] = [];
  for (const impact of IMPACTS) {
    for (let i = 0; i < PER_IMPACT; i++) {
      const ctx: SimContext = { personId: sim.demo.customerId, changes: [] };
      requestCreate(sim.store, ctx, { subject: `${label} ${impact} ${i}`, impact, category: 'incident' });
      const id = ctx.changes.find((change) => change.event === 'request.create')?.objectId ?? '';
      const ref = `${label}-${impact}-${i}`;
      refs.set(ref, id);
      batch.push(ref);
      sim.webhooks.dispatch(ctx.changes);
    }
  }
  return batch;
}

/** Waits until the pipeline has nothing left to do (wait-idle.ts); the timers' delayed jobs are virtual, not waited for. */
export async function settle(pipeline: Pipeline, timeoutMs: number): Promise<void> {
  const { sim, queues } = pipeline;
  await waitUntilIdle({
    webhooksIdle: () => sim.webhooks.idle(),
    work: [queues.events, queues.requests, queues.problems, queues.problemEvents],
    timers: [queues.timers, queues.rcaTimers],
    timeoutMs,
  });
}

/** Failed jobs over every queue of the pipeline. */
export async function failedJobs(pipeline: Pipeline): Promise<number> {
  let failed = 0;
  for (const queue of Object.values(pipeline.queues)) failed += (await queue.getJobCounts('failed'))['failed'] ?? 0;
  return failed;
}

/** Calls by HTTP status. */
export const statuses = (calls: readonly SimCall[]) =>
  calls.reduce<Record<number, number>>((acc, c) => ({ ...acc, [c.status]: (acc[c.status] ?? 0) + 1 }), {});
