import type { JobData, OpenQueues } from '../src/queue/jobs.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';
import type { StatusActorStore } from '../src/state/status-actors.js';
import type { JobContext } from './job-context.js';

export interface RequestEventDeps {
  queues: Pick<OpenQueues, 'enqueue' | 'requests'>;
  /** Records who changed the status (the envelope's person), before the reconcile reads it. */
  statusActors?: Pick<StatusActorStore, 'record'>;
}

/**
 * A delivery about a request becomes a reconcile of that request: the event itself carries no
 * decision (reconcile, don't replay), so duplicates, late and out-of-order events change nothing.
 */
export function createRequestEventProcessor({ queues, statusActors }: RequestEventDeps) {
  return async function processRequestEvent(data: JobData<'requestEvent'>, ctx: JobContext): Promise<{ requestNodeId: string }> {
    const { requestNodeId, event, deliveryId, actor, receivedAt } = data;
    if (actor) await statusActors?.record(requestNodeId, { ...actor, atMs: Date.parse(receivedAt) });
    await enqueueReconcile(queues, { requestNodeId, reason: event.slice(0, 100) });
    ctx.log.debug('request event routed', { component: 'worker', deliveryId, event, requestNodeId });
    return { requestNodeId };
  };
}
