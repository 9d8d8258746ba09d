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
 */
export function observeWorkflowStore(store: WorkflowStore, deps: { redis: Redis; prefix: string; metrics: Pick<ServiceMetrics, 'slaWarning' | 'slaBreach'> }): WorkflowStore {
  const loaded = new Map<string, WorkflowState>();
  return {
    async find(requestNodeId) {
      const state = await store.find(requestNodeId);
      loaded.set(requestNodeId, state ?? INITIAL_WORKFLOW_STATE);
      return state;
    },
    async load(requestNodeId) {
      const state = await store.load(requestNodeId);
      loaded.set(requestNodeId, state);
      return state;
    },
    async save(requestNodeId, state) {
      await store.save(requestNodeId, state);
      const previous = loaded.get(requestNodeId) ?? INITIAL_WORKFLOW_STATE;
      loaded.delete(requestNodeId);
      const change = slaTransitionsOf(previous, state);
      for (const target of change.warnings) deps.metrics.slaWarning(change.priority, target);
      for (const target of change.breaches) deps.metrics.slaBreach(change.priority, target);
      const multi = deps.redis.multi();
      for (const target of TARGETS) {
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
