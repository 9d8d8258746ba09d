import { PROBLEM_CREATE, ProblemCreateResultSchema } from '../schema/graphql/problem-create.js';
import { PROBLEM_UPDATE, ProblemUpdateResultSchema } from '../schema/graphql/problem-update.js';
import { decideProblem } from '../src/domain/problems/detect-problem.js';
import { responseAndResolutionOf, type IncidentTimeline } from '../src/domain/problems/incident-timeline.js';
import { mayNeedProblem, toIncidentFacts, type IncidentRow } from '../src/domain/problems/incident-row.js';
import { planProblemWrite } from '../src/domain/problems/plan-problem-write.js';
import { problemSourceIdOf } from '../src/domain/problems/problem-group.js';
import { computeRcaWarningAtMs } from '../src/domain/problems/rca-follow-up.js';
import type { WorkflowState } from '../src/domain/workflow/workflow-state.js';
import type { ReportStore } from '../src/reports/report-store.js';
import type { RcaTimers } from '../src/queue/rca-timers.js';
import type { KeyedLocks } from '../src/redis/request-lock.js';
import type { WorkflowStore } from '../src/state/workflow-store.js';
import type { XurrentClient } from '../src/xurrent/client.js';
import { findOpenProblem, readGroupIncidents, readIncident, readLinkedProblem } from './problem-reads.js';
import { handleCustomerRca } from './customer-rca.js';
import { rcaPromisesOf } from '../src/domain/problems/rca-promises.js';
import { DEFAULT_RCA_REPORT_TAGS } from '../src/domain/problems/rca-report.js';
import type { ProblemManagementPolicy } from './problem-policy.js';
import type { JobData } from '../src/queue/jobs.js';
import type { JobContext } from './job-context.js';

export interface ManageProblemDeps {
  /** Read only: the SLA history and escalations each incident's timeline is told from, and the customer's RCA request. */
  store: Pick<WorkflowStore, 'load'>;
  locks: KeyedLocks;
  /** The RCA follow-up of each problem opened: a warning before its target, an escalation after it. */
  rcaTimers: RcaTimers;
  policy: ProblemManagementPolicy;
  /** Keeps each problem opened (reason, RCA target) for the SLA review. */
  reports?: Pick<ReportStore, 'saveProblem'>;
}

export type ManageProblemResult = {
  action: 'none' | 'skip' | 'create' | 'link';
  problemId?: string;
  problemNumber?: string;
  requestIds?: string[];
};

const BUSY_RETRY_MS = 300;

/**
 * Problem management for one incident: under a lock per group (so two workers seeing the second
 * repeated incident at once open one problem), reads the group's incidents and its open problem
 * (by sourceID), lets the rules decide, and creates or links the problem in one call. Safe to run
 * twice: linked incidents are skipped, and an open problem is found again in Xurrent.
 */
export function createManageProblemProcessor({ store, locks, rcaTimers, policy, reports }: ManageProblemDeps) {
  return async function processManageProblem(data: JobData<'manageProblem'>, ctx: JobContext): Promise<ManageProblemResult> {
    const { requestNodeId } = data;
    const log = ctx.log.child({ component: 'problems', requestNodeId });
    const calls = ctx.xurrent;

    const first = await readIncident(calls, requestNodeId);
    const firstFacts = first && toIncidentFacts(first, policy.groupBy, policy.triage);
    // The customer's written RCA request after a breach (§3.3) applies to any incident, linked or not.
    const rcaRequest = firstFacts ? ((await store.load(requestNodeId)).rcaRequest ?? null) : null;
    if (!firstFacts || (!rcaRequest && !mayNeedProblem(firstFacts, policy.detect.impacts))) return { action: 'none' };

    const sourceId = problemSourceIdOf(firstFacts.groupKey, requestNodeId);
    // Jittered: the incidents of one group wait for the same lock.
    return ctx.withRequestLock(
      locks,
      `problem:${sourceId}`,
      BUSY_RETRY_MS + Math.floor(Math.random() * BUSY_RETRY_MS),
      async (): Promise<ManageProblemResult> => {
        if (rcaRequest) {
          const incident = (await readIncident(calls, requestNodeId)) ?? first;
          const result = await handleCustomerRca(calls, incident, rcaRequest, sourceId, { policy, rcaTimers });
          if (result.action === 'create' && result.problemId) {
            await reports?.saveProblem({
              problemId: result.problemId,
              number: null,
              reason: 'customer_request',
              rcaDueMs: result.rcaDueMs,
              createdAtMs: ctx.clock.now(),
              solvedAtMs: null,
              requestIds: [requestNodeId],
              rcaReportAtMs: null,
              promises: [{ reason: 'customer_request', subject: requestNodeId, dueMs: result.rcaDueMs }],
            });
          }
          log.info('problem management', { decision: 'customer_rca', ...result, xurrentCalls: calls.calls() });
          // A Top incident also owes its own RCA (§2.3 "telkens", e.g. raised to Top after the customer's
          // request): on to the Top path, with the incident as the customer path left it.
          if (firstFacts.priority !== 'top')
            return { action: result.action, ...(result.problemId ? { problemId: result.problemId } : {}), requestIds: [requestNodeId] };
        }
        // Read again under the lock: another worker may have linked this incident meanwhile. A Top
        // incident already linked needs no group read: only its linked problem's promises matter.
        const current = rcaRequest ? ((await readIncident(calls, requestNodeId)) ?? first) : first;
        const instanceId = current.serviceInstanceId;
        const linkedTop = current.problemId !== null && firstFacts.priority === 'top';
        const rows = instanceId && !linkedTop ? await readGroupIncidents(calls, instanceId) : new Map<string, IncidentRow>();
        const incident = rows.get(requestNodeId) ?? (await readIncident(calls, requestNodeId));
        const facts = incident && toIncidentFacts(incident, policy.groupBy, policy.triage);
        if (!incident || !facts) return { action: 'none' };
        // §2.3/§3.3: a Top incident linked by hand, raised to Top after its link, or linked as another's repeat still owes its own RCA.
        const reportTags = policy.rca.reportTags ?? DEFAULT_RCA_REPORT_TAGS;
        const linked =
          incident.problemId && facts.priority === 'top'
            ? await readLinkedProblem(calls, incident.problemId, incident.id, reportTags)
            : null;
        const open = !incident.problemId && instanceId && facts.groupKey ? await findOpenProblem(calls, instanceId, sourceId) : null;
        const recent = [...rows.values()].flatMap((row) => toIncidentFacts(row, policy.groupBy, policy.triage) ?? []);
        const decision = decideProblem(facts, recent, open?.id ?? null, policy.detect, linked);
        // A Top incident's promise on the group's open problem: its notes tell whether reports cover the
        // promises there already (§2.3), so the new promise's due becomes the target even when later.
        const openRca =
          decision.action === 'link' && decision.reason === 'top_incident' && !linked && open
            ? await readLinkedProblem(calls, open.id, incident.id, reportTags)
            : null;

        const states = new Map<string, WorkflowState>();
        if (decision.action === 'create') for (const id of decision.requestIds) states.set(id, await store.load(id));
        const write = planProblemWrite(
          decision,
          {
            incident,
            rows,
            sourceId,
            linkedRequestIds: linked ? linked.requestIds : (open?.requests?.nodes ?? []).map((r) => r.id),
            timelineOf: (row) => timelineOf(row, states.get(row.id)),
            openRcaDueMs: linked ? linked.analysisTargetAtMs : open?.analysisTargetAt ? Date.parse(open.analysisTargetAt) : null,
            openRcaCovered: (linked ?? openRca)?.rcaCovered ?? false,
          },
          policy.write,
        );
        const result = await carryOut(calls, write);
        if (write.kind === 'create' && result.problemId) {
          const problemNodeId = result.problemId;
          await rcaTimers.schedule({
            problemNodeId,
            stage: 'warning',
            fireAtMs: computeRcaWarningAtMs(write.rcaDueMs, policy.rca.warningBusinessDays, policy.rca.calendar),
          });
          await rcaTimers.schedule({ problemNodeId, stage: 'overdue', fireAtMs: write.rcaDueMs });
          if (decision.action === 'create') {
            const opened = {
              problemId: problemNodeId,
              number: result.problemNumber ?? null,
              reason: decision.reason,
              rcaDueMs: write.rcaDueMs,
            };
            await reports?.saveProblem({
              ...opened,
              createdAtMs: ctx.clock.now(),
              solvedAtMs: null,
              requestIds: write.input.requestIds ?? [],
              rcaReportAtMs: null,
              promises: rcaPromisesOf([write.input.note]),
            });
          }
        }
        if (write.kind === 'link' && write.rcaDueMs !== undefined) {
          // The RCA target moved (a Top incident's own promise, earlier or after a spent target): its follow-up timers move with it.
          await rcaTimers.schedule({
            problemNodeId: write.input.id,
            stage: 'warning',
            fireAtMs: computeRcaWarningAtMs(write.rcaDueMs, policy.rca.warningBusinessDays, policy.rca.calendar),
          });
          await rcaTimers.schedule({ problemNodeId: write.input.id, stage: 'overdue', fireAtMs: write.rcaDueMs });
        }
        log.info('problem management', { decision: decision.action, why: decision.why, ...result, xurrentCalls: calls.calls() });
        return result;
      },
    );
  };
}

async function carryOut(
  calls: ReturnType<XurrentClient['counted']>,
  write: ReturnType<typeof planProblemWrite>,
): Promise<ManageProblemResult> {
  switch (write.kind) {
    case 'skip':
      return { action: 'skip' };
    case 'create': {
      const { problemCreate } = await calls.request(PROBLEM_CREATE, { input: write.input }, ProblemCreateResultSchema);
      const created = problemCreate.problem;
      return {
        action: 'create',
        requestIds: write.input.requestIds,
        ...(created ? { problemId: created.id } : {}),
        ...(created?.problemId ? { problemNumber: created.problemId } : {}),
      };
    }
    case 'link':
      await calls.request(PROBLEM_UPDATE, { input: write.input }, ProblemUpdateResultSchema);
      return { action: 'link', problemId: write.input.id, requestIds: write.input.requestIds };
  }
}

function timelineOf(row: IncidentRow, state: WorkflowState | undefined): IncidentTimeline {
  const { respondedAtMs, resolvedAtMs } = responseAndResolutionOf(state?.events ?? []);
  const escalations = (state?.escalations ?? []).map((e) => ({ level: e.level, target: e.target, atMs: e.atMs }));
  return { label: row.label, subject: row.subject, registeredAtMs: row.createdAtMs, respondedAtMs, resolvedAtMs, escalations };
}
