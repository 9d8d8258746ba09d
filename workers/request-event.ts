import type { Job } from 'bullmq';
import { RequestEventJobSchema } from '../schema/jobs.js';
import { REQUEST_BY_ID, RequestByIdResultSchema } from '../schema/graphql/request-by-id.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema, type RequestUpdateVariables } from '../schema/graphql/request-update.js';
import { PayloadError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import type { XurrentClient } from '../src/xurrent/client.js';

export interface RequestEventDeps {
  xurrent: XurrentClient;
  logger: Logger;
}

export interface RequestEventResult {
  requestNodeId: string;
  noted: boolean;
}

/**
 * Walking skeleton of the support workflow: reads the request the event is about and records on
 * it, as an internal note, that the support worker received the event.
 */
export function createRequestEventProcessor({ xurrent, logger }: RequestEventDeps) {
  return async function processRequestEvent(job: Job): Promise<RequestEventResult> {
    const parsed = RequestEventJobSchema.safeParse(job.data);
    if (!parsed.success) throw new PayloadError(`Bad job data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const data = parsed.data;
    const log = logger.child({ component: 'worker', jobId: job.id, jobName: job.name, deliveryId: data.deliveryId });

    const calls = xurrent.counted();
    const { node } = await calls.request(REQUEST_BY_ID, { id: data.requestNodeId }, RequestByIdResultSchema);
    if (!node) {
      log.warn('request not found or not visible to this account', { requestNodeId: data.requestNodeId, xurrentCalls: calls.calls() });
      return { requestNodeId: data.requestNodeId, noted: false };
    }
    const internalNote = `Support worker received ${data.event} (delivery ${data.deliveryId}).`;
    // Safe to run twice: a retry after a lost answer finds its own note and writes nothing.
    if (node.notes?.nodes.some((note) => note.text === internalNote)) {
      log.info('request event already noted', { requestId: node.requestId, xurrentCalls: calls.calls() });
      return { requestNodeId: node.id, noted: false };
    }
    const variables: RequestUpdateVariables = { input: { id: node.id, internalNote } };
    // Payload `errors` are thrown by the client as a non-retriable XurrentApiError.
    await calls.request(REQUEST_UPDATE, variables, RequestUpdateResultSchema);
    log.info('request event processed', { requestId: node.requestId, xurrentCalls: calls.calls() });
    return { requestNodeId: node.id, noted: true };
  };
}
