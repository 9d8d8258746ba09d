import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import { readRequest } from '../src/xurrent/read-request.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema, type RequestUpdateInput } from '../schema/graphql/request-update.js';
import type { ReconcilePlan, WorkflowPolicy } from '../src/domain/workflow/plan-reconcile.js';
import { planReconcile } from '../src/domain/workflow/plan-reconcile.js';
import { INITIAL_WORKFLOW_STATE } from '../src/domain/workflow/workflow-state.js';
import type { SlaTimers } from '../src/queue/sla-timers.js';
import type { KeyedLocks } from '../src/redis/request-lock.js';
import type { WorkflowStore } from '../src/state/workflow-store.js';
import type { StatusActorStore } from '../src/state/status-actors.js';
import { nextWakeUpMs } from '../src/domain/workflow/next-wake-up.js';
import type { ReportWriter } from './report-writer.js';
import { hasHistory, readRebuiltState } from './rebuild-history.js';
import { toRequestSnapshot } from './request-snapshot.js';
import type { JobData } from '../src/queue/jobs.js';
import type { JobContext } from './job-context.js';

export interface ReconcileDeps {
  store: WorkflowStore;
  locks: KeyedLocks;
  timers: SlaTimers;
  policy: WorkflowPolicy;
  /** The policy for a request's customer (CUSTOMER_SETTINGS: its notes' locale); absent: `policy` for every request. */
  policyFor?: (request: RequestDetail) => WorkflowPolicy;
  /** Keeps the request's facts and SLA records for reporting, after its state is saved. */
  reports?: ReportWriter;
  /** Who changed the request's status, as the webhooks said (absent: unknown, read by exclusion). */
  statusActors?: Pick<StatusActorStore, 'list'>;
  /** Called once the request's state is saved (problem management and break-fix queue their work here). */
  onReconciled?: (request: RequestDetail, facts: ReconcilePlan['facts'], state: ReconcilePlan['state']) => Promise<void>;
}

const BUSY_RETRY_MS = 500;

/**
 * Reads the request, lets the workflow rules decide, writes every change in one `requestUpdate`,
 * then reschedules its SLA timers and remembers the new state. Under a per-request lock, so two
 * workers never act on one request at once; safe to run twice (notes carry markers).
 */
export function createReconcileProcessor({ store, locks, timers, policy, policyFor, reports, onReconciled, statusActors }: ReconcileDeps) {
  return async function processReconcile(
    data: JobData<'reconcileRequest'>,
    ctx: JobContext,
  ): Promise<{ notes: number; escalations: number }> {
    const { requestNodeId, reason } = data;
    const log = ctx.log.child({ component: 'reconcile', requestNodeId, reason });
    return ctx.withRequestLock(locks, requestNodeId, BUSY_RETRY_MS, async () => {
      const calls = ctx.xurrent;
      const node = await readRequest(calls, requestNodeId);
      if (!node) {
        log.warn('request not found or not visible to this account', { xurrentCalls: calls.calls() });
        return { notes: 0, escalations: 0 };
      }
      const nowMs = ctx.clock.now();
      // No state in Redis for a request with a past (Redis lost, or webhooks never came): rebuild it from Xurrent.
      const stored = await store.find(requestNodeId);
      const previous = stored ?? (hasHistory(node) ? await readRebuiltState(calls, node, nowMs, log) : INITIAL_WORKFLOW_STATE);
      const actors = (await statusActors?.list(requestNodeId)) ?? [];
      const plan = planReconcile({ ...toRequestSnapshot(node, nowMs), statusActors: actors }, previous, nowMs, policyFor?.(node) ?? policy);
      const input = updateInputOf(node.id, plan);
      const written = input ? await calls.request(REQUEST_UPDATE, { input }, RequestUpdateResultSchema) : null;
      const writtenAt = Date.parse(written?.requestUpdate.request?.updatedAt ?? '');
      const wakeUpAtMs = nextWakeUpMs(plan);
      await timers.reschedule(requestNodeId, previous.wakeUpAtMs, wakeUpAtMs);
      const lastWriteAtMs = Number.isNaN(writtenAt) ? previous.lastWriteAtMs : writtenAt;
      const state = {
        ...plan.state,
        ...(previous.history ? { history: previous.history } : {}),
        ...(lastWriteAtMs !== undefined ? { lastWriteAtMs } : {}),
        wakeUpAtMs,
      };
      await store.save(requestNodeId, state);
      await reports?.(node, state, plan.facts, nowMs);
      await onReconciled?.(node, plan.facts, state);
      const escalations = plan.escalated.map((e) => e.key);
      log.info('request reconciled', {
        requestId: node.requestId,
        priority: plan.facts.priority,
        wrote: Boolean(input),
        escalations,
        xurrentCalls: calls.calls(),
      });
      return { notes: plan.internalNote ? 1 : 0, escalations: escalations.length };
    });
  };
}

/** The one update carrying every change of the plan, or null when there is nothing to write. */
function updateInputOf(id: string, plan: ReconcilePlan): RequestUpdateInput | null {
  const input: RequestUpdateInput = { id };
  if (plan.internalNote) input.internalNote = plan.internalNote;
  if (plan.watchersToAdd.length > 0) input.newWatches = plan.watchersToAdd.map((personId) => ({ personId }));
  if (plan.assignMemberId) input.memberId = plan.assignMemberId;
  if (plan.customFields.length > 0) input.customFields = plan.customFields;
  if (plan.publicNote) input.note = plan.publicNote;
  if (plan.supplierId) input.supplierId = plan.supplierId;
  if (plan.status) input.status = plan.status;
  if (plan.teamId) input.teamId = plan.teamId;
  return Object.keys(input).length > 1 ? input : null;
}
