import {
  closedProblemStatuses,
  OPEN_PROBLEMS_PAGE,
  OpenProblemsPageSchema,
  type OpenProblem,
} from '../schema/graphql/open-problems-page.js';
import { PROBLEM_FOLLOW_UP_BY_ID, ProblemFollowUpByIdSchema } from '../schema/graphql/problem-follow-up.js';
import {
  GROUP_INCIDENTS_PAGE,
  GroupIncidentsPageSchema,
  PROBLEM_INCIDENT_BY_ID,
  ProblemIncidentByIdSchema,
  type ProblemIncident,
} from '../schema/graphql/problem-incident.js';
import type { LinkedProblem } from '../src/domain/problems/detect-problem.js';
import type { IncidentRow } from '../src/domain/problems/incident-row.js';
import { hasTopPromise } from '../src/domain/problems/rca-promises.js';
import { rcaFactsOf } from '../src/domain/problems/rca-coverage.js';
import { PROBLEM_SOURCE } from '../src/domain/problems/problem-group.js';
import type { CountedXurrentClient } from '../src/xurrent/client.js';
import { paginate } from '../src/xurrent/paginate.js';

/** A busy service instance has at most this many pages of 100 requests read per check (a guard, not a rule). */
const MAX_GROUP_PAGES = 50;

export function toIncidentRow(node: ProblemIncident): IncidentRow {
  return {
    id: node.id,
    label: node.requestId ? `#${node.requestId}` : node.id,
    subject: node.subject ?? '',
    category: node.category ?? null,
    impact: node.impact ?? null,
    createdAtMs: Date.parse(node.createdAt),
    teamId: node.team?.id ?? null,
    problemId: node.problem?.id ?? null,
    serviceInstanceId: node.serviceInstance?.id ?? null,
    serviceInstanceName: node.serviceInstance?.name ?? null,
    serviceId: node.serviceInstance?.service?.id ?? null,
  };
}

export async function readIncident(xurrent: CountedXurrentClient, id: string): Promise<IncidentRow | null> {
  const { node } = await xurrent.request(PROBLEM_INCIDENT_BY_ID, { id }, ProblemIncidentByIdSchema);
  return node ? toIncidentRow(node) : null;
}

/** Every request on the service instance (the domain keeps the incidents inside the window). */
export async function readGroupIncidents(xurrent: CountedXurrentClient, serviceInstanceId: string): Promise<Map<string, IncidentRow>> {
  const rows = new Map<string, IncidentRow>();
  const pages = paginate(xurrent, {
    document: GROUP_INCIDENTS_PAGE,
    variables: { filter: { serviceInstance: { values: [serviceInstanceId] } } },
    schema: GroupIncidentsPageSchema,
    connection: (data) => data.requests,
    maxPages: MAX_GROUP_PAGES,
  });
  for await (const node of pages) rows.set(node.id, toIncidentRow(node));
  return rows;
}

/** The group's open problem the worker opened itself, found by `source`/`sourceID` (survives a lost Redis). */
export async function findOpenProblem(
  xurrent: CountedXurrentClient,
  serviceInstanceId: string,
  sourceId: string,
): Promise<OpenProblem | null> {
  const pages = paginate(xurrent, {
    document: OPEN_PROBLEMS_PAGE,
    variables: { filter: { serviceInstance: { values: [serviceInstanceId] }, status: { values: closedProblemStatuses, negate: true } } },
    schema: OpenProblemsPageSchema,
    connection: (data) => data.problems,
  });
  for await (const problem of pages) if (problem.source === PROBLEM_SOURCE && problem.sourceID === sourceId) return problem;
  return null;
}

/**
 * The problem an incident is linked to (by whomever): open or not, whether it holds the incident's
 * own `top_incident` promise, its requests and RCA target, and whether reports (`reportTags`) cover
 * every promise it holds already. Null when Xurrent does not return it.
 */
export async function readLinkedProblem(
  xurrent: CountedXurrentClient,
  problemNodeId: string,
  requestNodeId: string,
  reportTags: readonly string[],
): Promise<(LinkedProblem & { requestIds: string[]; analysisTargetAtMs: number | null; rcaCovered: boolean }) | null> {
  const { node } = await xurrent.request(PROBLEM_FOLLOW_UP_BY_ID, { id: problemNodeId }, ProblemFollowUpByIdSchema);
  if (!node) return null;
  const notes = (node.notes?.nodes ?? []).map((n) => ({ text: n.text ?? '', createdAtMs: n.createdAt ? Date.parse(n.createdAt) : null }));
  return {
    open: !(closedProblemStatuses as readonly string[]).includes(node.status ?? ''),
    declined: node.status === 'declined',
    hasTopPromise: hasTopPromise(
      notes.map((n) => n.text),
      requestNodeId,
    ),
    requestIds: (node.requests?.nodes ?? []).map((r) => r.id),
    analysisTargetAtMs: node.analysisTargetAt ? Date.parse(node.analysisTargetAt) : null,
    rcaCovered: rcaFactsOf(notes, reportTags).coveredAtMs !== null,
  };
}
