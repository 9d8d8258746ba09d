import type { JobData, OpenQueues } from '../src/queue/jobs.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';
import type { StatusActorStore } from '../src/state/status-actors.js';
import type { JobContext } from './job-context.js';
import { createPersonAccounts, type PersonAccounts } from './person-accounts.js';

export interface RequestEventDeps {
  queues: Pick<OpenQueues, 'enqueue' | 'requests'>;
  /** Records who changed the status (the envelope's person), before the reconcile reads it. */
  statusActors?: Pick<StatusActorStore, 'record'>;
  /** That person's account, remembered per process (default: a cache of this processor's own). */
  personAccounts?: PersonAccounts;
}

/**
 * A delivery about a request becomes a reconcile of that request: the event itself carries no
 * decision (reconcile, don't replay), so duplicates, late and out-of-order events change nothing.
 */
export function createRequestEventProcessor({ queues, statusActors, personAccounts = createPersonAccounts() }: RequestEventDeps) {
  return async function processRequestEvent(data: JobData<'requestEvent'>, ctx: JobContext): Promise<{ requestNodeId: string }> {
    const { requestNodeId, event, deliveryId, actor, receivedAt } = data;
    if (actor && statusActors) {
      // Recorded at once, so a reconcile another event started meanwhile finds the author; then again
      // with the account once it is known (the newest record of a status wins).
      const atMs = Date.parse(receivedAt);
      await statusActors.record(requestNodeId, { ...actor, atMs });
      const accountId = await accountOf(actor.personNodeId, personAccounts, ctx, requestNodeId);
      if (accountId !== null) await statusActors.record(requestNodeId, { ...actor, atMs, accountId });
    }
    await enqueueReconcile(queues, { requestNodeId, reason: event.slice(0, 100) });
    ctx.log.debug('request event routed', { component: 'worker', deliveryId, event, requestNodeId });
    return { requestNodeId };
  };
}

/**
 * Whether the status change is the provider's response depends on the person's account; without it
 * the change is read as before (a requester or not), so a failed lookup never fails or delays the event.
 */
async function accountOf(personNodeId: string, accounts: PersonAccounts, ctx: JobContext, requestNodeId: string): Promise<string | null> {
  try {
    return await accounts.accountOf(personNodeId, ctx.xurrent);
  } catch (error) {
    ctx.log.warn('status changer account unknown: lookup failed', {
      component: 'worker',
      requestNodeId,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}
