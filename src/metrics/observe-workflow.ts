import type { Redis } from 'ioredis';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../domain/workflow/workflow-state.js';
import type { WorkflowStore } from '../state/workflow-store.js';
import type { ServiceMetrics } from './service-metrics.js';
import { OPEN_STATES, TARGETS, slaTransitionsOf } from './sla-transitions.js';

/** Redis set of the requests whose `target` clock is in `state`; shared by every process. */
export const openClockKey = (prefix: string, target: string, state: string) => `${prefix}:metrics:open-clocks:${target}:${state}`;

/**
 * A workflow store that counts SLA warnings and breaches as the reconcile saves each request's
 * state, and keeps the open-clock sets the web process reports. The reconcile loads and saves a
 * request under its lock, so the state loaded last in this process is the one the save replaces.
 * Only targets whose clock state changed since that stored state are written (most reconciles
 * change none: the pipeline bench spent a round trip per reconcile rewriting the same members);
 * with no stored state every target is written, so the sets converge after a loss.
 */
export function observeWorkflowStore(store: WorkflowStore, deps: { redis: Redis; prefix: string; metrics: Pick<ServiceMetrics, 'slaWarning' | 'slaBreach'> }): WorkflowStore {
  /** The stored state each request's reconcile loaded; undefined when none was stored. */
  const loaded = new Map<string, WorkflowState | undefined>();
  return {
    async find(requestNodeId) {
      const state = await store.find(requestNodeId);
      loaded.set(requestNodeId, state ?? undefined);
      return state;
    },
    async load(requestNodeId) {
      const state = await store.find(requestNodeId);
      loaded.set(requestNodeId, state ?? undefined);
      return state ?? INITIAL_WORKFLOW_STATE;
    },
    async save(requestNodeId, state) {
      await store.save(requestNodeId, state);
      const stored = loaded.get(requestNodeId);
      loaded.delete(requestNodeId);
      const change = slaTransitionsOf(stored ?? INITIAL_WORKFLOW_STATE, state);
      for (const target of change.warnings) deps.metrics.slaWarning(change.priority, target);
      for (const target of change.breaches) deps.metrics.slaBreach(change.priority, target);
      const changed = TARGETS.filter((target) => !stored || change.statesBefore[target] !== change.states[target]);
      if (changed.length === 0) return;
      const multi = deps.redis.multi();
      for (const target of changed) {
        for (const open of OPEN_STATES) {
          const key = openClockKey(deps.prefix, target, open);
          if (change.states[target] === open) multi.sadd(key, requestNodeId);
          else multi.srem(key, requestNodeId);
        }
      }
      await multi.exec();
    },
  };
}
