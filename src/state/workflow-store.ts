import type { Redis } from 'ioredis';
import { WorkflowStateSchema } from './workflow-state-schema.js';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../domain/workflow/workflow-state.js';
import type { Logger } from '../logger.js';
import { NO_REPLICA_ACK, type ReplicaAck } from '../redis/replica-ack.js';
import { decodeState, encodeState } from './state-codec.js';

/** By default state outlives the request's activity long enough for a year of reporting (REPORT_RETENTION_DAYS). */
const DEFAULT_RETENTION_DAYS = 400;

export interface WorkflowStore {
  load(requestNodeId: string): Promise<WorkflowState>;
  /** The stored state, or null when Redis holds none for the request (never seen, expired or lost). */
  find(requestNodeId: string): Promise<WorkflowState | null>;
  save(requestNodeId: string, state: WorkflowState): Promise<void>;
}

/**
 * Per-request workflow state in Redis, one MessagePack value per request (see state-codec). Unreadable state is logged
 * and treated as missing: the planner then relies on the markers in the request's notes.
 */
export function createWorkflowStore(
  redis: Redis,
  prefix: string,
  logger: Logger,
  retentionDays = DEFAULT_RETENTION_DAYS,
  replicaAck: ReplicaAck = NO_REPLICA_ACK,
): WorkflowStore {
  const key = (id: string) => `${prefix}:workflow:${id}`;
  const find = async (requestNodeId: string): Promise<WorkflowState | null> => {
    const raw = await redis.getBuffer(key(requestNodeId));
    if (raw === null) return null;
    const parsed = WorkflowStateSchema.safeParse(decodeState(raw));
    if (parsed.success) return parsed.data as WorkflowState;
    logger.warn('unreadable workflow state ignored', {
      component: 'workflow-store',
      requestNodeId,
      issue: parsed.error.issues[0]?.message,
    });
    return INITIAL_WORKFLOW_STATE;
  };
  return {
    find,
    load: async (requestNodeId) => (await find(requestNodeId)) ?? INITIAL_WORKFLOW_STATE,
    async save(requestNodeId, state) {
      await redis.set(key(requestNodeId), encodeState(state), 'EX', retentionDays * 24 * 60 * 60);
      // REDIS_MIN_REPLICAS_ACK: the reconcile counts as done only once replicas hold the state, and with
      // it the SLA timers the reconcile rescheduled just before on this connection (a short WAIT throws:
      // the job fails and its retry converges again; the Xurrent writes are idempotent).
      await replicaAck.confirm(redis);
    },
  };
}
