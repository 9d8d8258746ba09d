import type { ReportRequest } from '../../src/domain/reports/report-entities.js';
import type { SlaRecord } from '../../src/domain/reports/sla-record.js';

/** Report test data: one service instance, instants as ISO strings. */
export const REPORT_SERVICE_INSTANCE = 'si-mail';

/** An incident's SLA record; `actual` null while the target is still running. */
export function slaRecord(
  requestId: string,
  priority: SlaRecord['priority'],
  target: SlaRecord['target'],
  start: string,
  due: string,
  actual: string | null,
  over: Partial<SlaRecord> = {},
): SlaRecord {
  const actualMs = actual === null ? null : Date.parse(actual);
  return {
    requestId,
    priority,
    category: 'incident',
    serviceInstance: REPORT_SERVICE_INSTANCE,
    target,
    startMs: Date.parse(start),
    dueMs: Date.parse(due),
    actualMs,
    pausedBusinessMs: 0,
    escalations: [],
    ...over,
  };
}

export function reportRequest(
  requestId: string,
  kind: ReportRequest['kind'],
  priority: ReportRequest['priority'],
  created: string,
  problemId: string | null = null,
): ReportRequest {
  return {
    requestId,
    number: requestId.toUpperCase(),
    kind,
    priority,
    serviceInstance: REPORT_SERVICE_INSTANCE,
    createdAtMs: Date.parse(created),
    problemId,
  };
}
