import { PROBLEM_CREATE, ProblemCreateResultSchema } from '../schema/graphql/problem-create.js';
import { PROBLEM_FOLLOW_UP_BY_ID, ProblemFollowUpByIdSchema } from '../schema/graphql/problem-follow-up.js';
import { PROBLEM_INCIDENT_NOTES, ProblemIncidentNotesSchema } from '../schema/graphql/problem-incident.js';
import { PROBLEM_UPDATE, ProblemUpdateResultSchema } from '../schema/graphql/problem-update.js';
import { REQUEST_UPDATE, RequestUpdateResultSchema } from '../schema/graphql/request-update.js';
import type { IncidentRow } from '../src/domain/problems/incident-row.js';
import { PROBLEM_SOURCE } from '../src/domain/problems/problem-group.js';
import { computeRcaWarningAtMs } from '../src/domain/problems/rca-follow-up.js';
import { hasMarker } from '../src/domain/notes/render-notes.js';
import { planCustomerRca, rcaConfirmedMarker, type CustomerRcaTarget, type RcaRequest } from '../src/domain/problems/rca-request.js';
import { isImpact } from '../src/domain/triage/categories.js';
import type { RcaTimers } from '../src/queue/rca-timers.js';
import type { CountedXurrentClient } from '../src/xurrent/client.js';
import type { ManageProblemResult } from './manage-problem.js';
import { findOpenProblem } from './problem-reads.js';
import { rcaFactsOf } from '../src/domain/problems/rca-coverage.js';
import { DEFAULT_RCA_REPORT_TAGS } from '../src/domain/problems/rca-report.js';
import type { ProblemManagementPolicy } from './problem-policy.js';

// A solved problem still takes the promise (its report may still be owed, and the incident stays on
// it); only a declined one sends the request to its group's open problem or a new one.
const CLOSED = new Set(['declined']);

async function readTarget(
  calls: CountedXurrentClient,
  id: string,
  reportTags: readonly string[],
): Promise<CustomerRcaTarget['problem'] & { requestIds: string[]; status: string }> {
  const { node } = await calls.request(PROBLEM_FOLLOW_UP_BY_ID, { id }, ProblemFollowUpByIdSchema);
  const notes = (node?.notes?.nodes ?? []).map((n) => ({ text: n.text ?? '', createdAtMs: n.createdAt ? Date.parse(n.createdAt) : null }));
  return {
    id,
    label: node?.problemId ? `#${node.problemId}` : id,
    status: node?.status ?? 'assigned',
    analysisTargetAtMs: node?.analysisTargetAt ? Date.parse(node.analysisTargetAt) : null,
    noteTexts: notes.map((n) => n.text),
    rcaCovered: rcaFactsOf(notes, reportTags).coveredAtMs !== null,
    requestIds: (node?.requests?.nodes ?? []).map((r) => r.id),
  };
}

/** True when the request already holds the RCA confirmation to the requester (its marker). */
async function hasConfirmation(calls: CountedXurrentClient, requestId: string): Promise<boolean> {
  const { node } = await calls.request(PROBLEM_INCIDENT_NOTES, { id: requestId }, ProblemIncidentNotesSchema);
  return hasMarker(
    (node?.notes?.nodes ?? []).map((n) => n.text ?? ''),
    rcaConfirmedMarker(requestId),
  );
}

/**
 * §3.3, the customer's written RCA request after a breach: adds the promise (reason
 * `customer_request`, due `RCA_DUE` after the customer's note) to the problem the request is linked to (open or
 * solved, not declined), else to its group's open problem (linking the request), else opens one for it; then
 * tells the requester when the report is due. Run under the group's lock by manage-problem; each
 * write is found again by its marker (promise on the problem, confirmation on the request).
 */
export async function handleCustomerRca(
  calls: CountedXurrentClient,
  incident: IncidentRow,
  request: RcaRequest,
  sourceId: string,
  deps: { policy: ProblemManagementPolicy; rcaTimers: RcaTimers },
): Promise<ManageProblemResult & { rcaDueMs: number }> {
  const { policy } = deps;
  const reportTags = policy.rca.reportTags ?? DEFAULT_RCA_REPORT_TAGS;
  const linked = incident.problemId ? await readTarget(calls, incident.problemId, reportTags) : null;
  const groupOpen =
    !linked || CLOSED.has(linked.status)
      ? incident.serviceInstanceId
        ? await findOpenProblem(calls, incident.serviceInstanceId, sourceId)
        : null
      : null;
  const target = linked && !CLOSED.has(linked.status) ? linked : groupOpen ? await readTarget(calls, groupOpen.id, reportTags) : null;
  const plan = planCustomerRca(
    incident.id,
    request,
    { problem: target },
    { rcaDue: policy.write.rcaDue, zone: policy.write.zone, format: policy.write.format, locale: policy.locale },
  );

  let problemId: string;
  let label: string;
  let action: ManageProblemResult['action'] = 'link';
  if (target) {
    problemId = target.id;
    label = target.label;
    if (!plan.alreadyPromised) {
      const requestIds = [...new Set([...target.requestIds, incident.id])];
      await calls.request(
        PROBLEM_UPDATE,
        {
          input: {
            id: target.id,
            requestIds,
            note: plan.problemNote,
            ...(plan.analysisTargetAt ? { analysisTargetAt: plan.analysisTargetAt } : {}),
          },
        },
        ProblemUpdateResultSchema,
      );
    }
  } else {
    if (!incident.serviceId) return { action: 'skip', rcaDueMs: plan.promise.dueMs };
    const input = {
      subject: `Customer request on ${incident.serviceInstanceName ?? `incident ${incident.label}`}: root-cause analysis`,
      serviceId: incident.serviceId,
      ...(isImpact(incident.impact) ? { impact: incident.impact } : {}),
      ...(policy.write.managerId ? { managerId: policy.write.managerId } : {}),
      ...(policy.write.teamId ? { teamId: policy.write.teamId } : {}),
      source: PROBLEM_SOURCE,
      sourceID: sourceId,
      requestIds: [incident.id],
      serviceInstanceIds: incident.serviceInstanceId ? [incident.serviceInstanceId] : [],
      analysisTargetAt: new Date(plan.promise.dueMs).toISOString(),
      note: plan.problemNote,
    };
    const { problemCreate } = await calls.request(PROBLEM_CREATE, { input }, ProblemCreateResultSchema);
    if (!problemCreate.problem) return { action: 'skip', rcaDueMs: plan.promise.dueMs };
    problemId = problemCreate.problem.id;
    label = problemCreate.problem.problemId ? `#${problemCreate.problem.problemId}` : problemId;
    action = 'create';
  }
  if (plan.analysisTargetAt) {
    await deps.rcaTimers.schedule({
      problemNodeId: problemId,
      stage: 'warning',
      fireAtMs: computeRcaWarningAtMs(plan.promise.dueMs, policy.rca.warningBusinessDays, policy.rca.calendar),
    });
    await deps.rcaTimers.schedule({ problemNodeId: problemId, stage: 'overdue', fireAtMs: plan.promise.dueMs });
  }
  // Once: a second check of the same request (another job, or a retry after the note) finds the marker.
  if (!(await hasConfirmation(calls, incident.id))) {
    await calls.request(REQUEST_UPDATE, { input: { id: incident.id, note: plan.confirmation(label) } }, RequestUpdateResultSchema);
  }
  return { action, problemId, requestIds: [incident.id], rcaDueMs: plan.promise.dueMs };
}
