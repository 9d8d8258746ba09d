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
  };
}

function instantOf(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
