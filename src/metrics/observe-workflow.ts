import type { Redis } from 'ioredis';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../domain/workflow/workflow-state.js';
import type { WorkflowStore } from '../state/workflow-store.js';
import type { ServiceMetrics } from './service-metrics.js';
import { OPEN_STATES, TARGETS, slaTransitionsOf } from './sla-transitions.js';

/** Redis set of the requests whose `target` clock is in `state`; shared by every process. */
export const openClockKey = (prefix: string, target: string, state: string) => `${prefix}:metrics:open-clocks:${target}:${state}`;
/** Redis set of the open Top incidents with an SLA clock (the in-scope service) that nobody has responded to yet. */
export const topAwaitingResponseKey = (prefix: string) => `${prefix}:metrics:top-awaiting-response`;

/** Statuses that are a response (section 3: the request taken up) or close the request. */
const ANSWERED = new Set(['accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed', 'declined']);

/**
 * An open Top incident under the SLA (only the in-scope service has a response clock) that nobody has
 * responded to: its response clock still runs (or is paused), or it was breached and the status still shows no response.
 */
export function awaitsTopResponse(state: WorkflowState): boolean {
  const facts = state.facts;
  if (!facts || facts.kind !== 'incident' || facts.priority !== 'top') return false;
  if (facts.responseState === 'running' || facts.responseState === 'paused') return true;
  return facts.responseState === 'breached' && !ANSWERED.has(state.observed?.status ?? 'assigned');
}

/**
 * A workflow store that counts SLA warnings and breaches as the reconcile saves each request's
 * state, and keeps the open-clock sets the web process reports. The reconcile loads and saves a
 * request under its lock, so the state loaded last in this process is the one the save replaces.
 * Only targets whose clock state changed since that stored state are written (most reconciles
 * change none: the pipeline bench spent a round trip per reconcile rewriting the same members);
 * with no stored state every target is written, so the sets converge after a loss.
 */
export function observeWorkflowStore(
  store: WorkflowStore,
  deps: { redis: Redis; prefix: string; metrics: Pick<ServiceMetrics, 'slaWarning' | 'slaBreach'> },
): WorkflowStore {
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
      const awaiting = awaitsTopResponse(state);
      const awaitingChanged = !stored || awaitsTopResponse(stored) !== awaiting;
      if (changed.length === 0 && !awaitingChanged) return;
      const multi = deps.redis.multi();
      if (awaitingChanged) {
        if (awaiting) multi.sadd(topAwaitingResponseKey(deps.prefix), requestNodeId);
        else multi.srem(topAwaitingResponseKey(deps.prefix), requestNodeId);
      }
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
