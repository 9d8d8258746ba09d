import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import type { RequestSnapshot } from '../src/domain/workflow/request-snapshot.js';

/** A request as read from Xurrent, turned into the plain values the workflow rules take. */
export function toRequestSnapshot(request: RequestDetail, nowMs: number): RequestSnapshot {
  const createdAtMs = instantOf(request.createdAt) ?? nowMs;
  return {
    id: request.id,
    requestId: request.requestId ?? null,
    subject: request.subject ?? null,
    category: request.category ?? null,
    impact: request.impact ?? null,
    status: request.status ?? 'assigned',
    createdAtMs,
    updatedAtMs: instantOf(request.updatedAt) ?? createdAtMs,
    serviceInstanceId: request.serviceInstance?.id ?? null,
    teamId: request.team?.id ?? null,
    memberId: request.member?.id ?? null,
    noteTexts: (request.notes?.nodes ?? []).map((note) => note.text ?? ''),
    notes: (request.notes?.nodes ?? []).map((note) => ({
      text: note.text ?? '',
      createdAtMs: instantOf(note.createdAt) ?? null,
      internal: note.internal === true,
      personId: note.person?.id ?? null,
      accountId: note.account?.id ?? note.person?.account?.id ?? null,
    })),
    providerNotAccountable: request.providerNotAccountable === true,
    requesterIds: [request.requestedFor?.id, request.requestedBy?.id, request.createdBy?.id].filter(
      (id): id is string => typeof id === 'string',
    ),
    customerAccountIds: [request.account?.id, request.requestedFor?.account?.id].filter((id): id is string => typeof id === 'string'),
    problem: request.problem
      ? {
          id: request.problem.id,
          status: request.problem.status ?? null,
          knownError: request.problem.knownError === true,
          workaround: request.problem.workaround ?? null,
          updatedAtMs: instantOf(request.problem.updatedAt) ?? null,
        }
      : null,
  };
}

function instantOf(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
