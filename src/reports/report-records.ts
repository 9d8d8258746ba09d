import { z } from 'zod';

const priority = z.enum(['top', 'high', 'medium', 'low']);

/** An SLA record as stored in Redis (validated when read back; see src/domain/reports/sla-record.ts). */
export const SlaRecordSchema = z.object({
  requestId: z.string(),
  priority,
  category: z.string(),
  serviceInstance: z.string().nullable(),
  target: z.enum(['response', 'resolution']),
  startMs: z.number(),
  dueMs: z.number(),
  actualMs: z.number().nullable(),
  pausedBusinessMs: z.number(),
  pausedByReason: z.record(z.string(), z.number()).optional(),
  pausedSinceMs: z.number().nullable().optional(),
  reopened: z.number().int().optional(),
  escalations: z.array(z.string()),
  breachReason: z.string().nullable().optional(),
  rootCauseAtMs: z.number().nullable().optional(),
  excused: z.object({ reason: z.string(), by: z.string(), at: z.number() }).nullable().optional(),
  customer: z.object({ id: z.string(), name: z.string().nullable() }).nullable().optional(),
  xurrentDueMs: z.number().nullable().optional(),
  rule: z.object({ allowedMs: z.number(), resolutionClockStart: z.string(), responseBy: z.string() }).optional(),
});

export const ReportRequestSchema = z.object({
  requestId: z.string(),
  number: z.string().nullable(),
  kind: z.enum(['incident', 'rfi', 'rfc', 'other']),
  priority: priority.nullable(),
  serviceInstance: z.string().nullable(),
  createdAtMs: z.number(),
  problemId: z.string().nullable(),
  escalations: z
    .array(z.object({ level: z.enum(['service_support_manager', 'cto']), reason: z.enum(['customer', 'breach']), atMs: z.number() }))
    .optional(),
  customer: z.object({ id: z.string(), name: z.string().nullable() }).nullable().optional(),
  inSla: z.boolean().optional(),
  downtimeStartMs: z.number().nullable().optional(),
  downtimeEndMs: z.number().nullable().optional(),
  completedAtMs: z.number().nullable().optional(),
});

export const ReportProblemSchema = z.object({
  problemId: z.string(),
  number: z.string().nullable(),
  reason: z.enum(['top_incident', 'repeated_incidents', 'customer_request']),
  createdAtMs: z.number(),
  rcaDueMs: z.number(),
  solvedAtMs: z.number().nullable(),
  requestIds: z.array(z.string()),
  /** When reports covered every RCA promise (issue 17); absent in records kept before: solved counts as done there. */
  rcaReportAtMs: z.number().nullable().optional(),
  /** Each RCA promise on the problem (reason, request or group, due, when made: absent in records kept before). */
  promises: z
    .array(
      z.object({
        reason: z.enum(['top_incident', 'repeated_incidents', 'customer_request']),
        subject: z.string(),
        dueMs: z.number(),
        promisedAtMs: z.number().optional(),
      }),
    )
    .optional(),
  /** Every RCA report's date on the problem; absent in records kept before (their `rcaReportAtMs` covers every promise). */
  rcaReportTimesMs: z.array(z.number()).optional(),
});
