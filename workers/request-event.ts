import type { Job, Queue } from 'bullmq';
import { RequestEventJobSchema } from '../schema/jobs.js';
import { PayloadError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';
import type { StatusActorStore } from '../src/state/status-actors.js';

export interface RequestEventDeps {
  requests: Queue;
  logger: Logger;
  /** Records who changed the status (the envelope's person), before the reconcile reads it. */
  statusActors?: Pick<StatusActorStore, 'record'>;
}

/**
 * A delivery about a request becomes a reconcile of that request: the event itself carries no
 * decision (reconcile, don't replay), so duplicates, late and out-of-order events change nothing.
 */
export function createRequestEventProcessor({ requests, logger, statusActors }: RequestEventDeps) {
  return async function processRequestEvent(job: Job): Promise<{ requestNodeId: string }> {
    const parsed = RequestEventJobSchema.safeParse(job.data);
    if (!parsed.success) throw new PayloadError(`Bad job data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { requestNodeId, event, deliveryId, actor, receivedAt } = parsed.data;
    if (actor) await statusActors?.record(requestNodeId, { ...actor, atMs: Date.parse(receivedAt) });
    await enqueueReconcile(requests, { requestNodeId, reason: event.slice(0, 100) });
    logger.debug('request event routed', { component: 'worker', jobId: job.id, deliveryId, event, requestNodeId });
    return { requestNodeId };
  };
}
