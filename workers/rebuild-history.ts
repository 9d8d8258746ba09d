import { REQUEST_HISTORY, RequestHistoryResultSchema, type AffectedSlaHistory } from '../schema/graphql/request-history.js';
import type { RequestDetail } from '../schema/graphql/request-by-id.js';
import { NOTE_MARKER_PREFIX } from '../src/domain/notes/render-notes.js';
import { rebuildWorkflowState, type SlaHistoryFacts } from '../src/domain/resync/rebuild-state.js';
import type { WorkflowState } from '../src/domain/workflow/workflow-state.js';
import type { Logger } from '../src/logger.js';
import type { CountedXurrentClient } from '../src/xurrent/client.js';

const ms = (iso: string | null | undefined): number | null => {
  const value = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(value) ? null : value;
};

/**
 * Whether a request without stored state has a past the worker must read back: its own notes on
 * it, a status other than the first, or a change after registration. A request seen for the first
 * time right after its creation has none, so it costs no extra call.
 */
export function hasHistory(request: RequestDetail): boolean {
  const marked = (request.notes?.nodes ?? []).some((n) => (n.text ?? '').includes(`[${NOTE_MARKER_PREFIX}`));
  const changed = (ms(request.updatedAt) ?? 0) > (ms(request.createdAt) ?? 0) + 1_000;
  return marked || (request.status ?? 'assigned') !== 'assigned' || changed;
}

/**
 * The worker's state of a request rebuilt from Xurrent (one extra query: its affected SLAs), for a
 * request with a past but no state in Redis (lost, expired, or its webhooks never arrived).
 * Logs what could not be recovered; the gaps stay in the state (`history`).
 */
export async function readRebuiltState(
  calls: CountedXurrentClient,
  request: RequestDetail,
  nowMs: number,
  log: Logger,
): Promise<WorkflowState> {
  const { node } = await calls.request(REQUEST_HISTORY, { id: request.id }, RequestHistoryResultSchema);
  const sla = (node?.affectedSlas?.nodes ?? []).find((s): s is AffectedSlaHistory => s !== null) ?? null;
  const state = rebuildWorkflowState(
    {
      requestNodeId: request.id,
      status: request.status ?? 'assigned',
      category: request.category ?? null,
      updatedAtMs: ms(request.updatedAt) ?? nowMs,
      reopenCount: node?.reopenCount ?? 0,
      sla: sla ? slaFacts(sla) : null,
      notes: (request.notes?.nodes ?? []).map((n) => ({ text: n.text ?? '', createdAtMs: ms(n.createdAt) })),
    },
    nowMs,
  );
  const level = state.history.complete ? 'info' : 'warn';
  log[level]('request state rebuilt from Xurrent', {
    events: state.events.length,
    escalations: state.escalations.length,
    complete: state.history.complete,
    gaps: state.history.gaps,
  });
  return state;
}

function slaFacts(sla: AffectedSlaHistory): SlaHistoryFacts {
  return {
    actualResponseAtMs: ms(sla.actualResponseAt),
    actualResolutionAtMs: ms(sla.actualResolutionAt),
    stoppedPeriods: (sla.stoppedClockPeriods ?? []).flatMap((p) =>
      p && ms(p.from) !== null ? [{ fromMs: ms(p.from) as number, toMs: ms(p.to), notAccountable: p.providerNotAccountable === true }] : [],
    ),
  };
}
