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
  excused: z.object({ reason: z.string(), by: z.string(), at: z.number() }).nullable().optional(),
});

export const ReportRequestSchema = z.object({
  requestId: z.string(),
  number: z.string().nullable(),
  kind: z.enum(['incident', 'rfi', 'rfc', 'other']),
  priority: priority.nullable(),
  serviceInstance: z.string().nullable(),
  createdAtMs: z.number(),
  problemId: z.string().nullable(),
});

export const ReportProblemSchema = z.object({
  problemId: z.string(),
  number: z.string().nullable(),
  reason: z.enum(['top_incident', 'repeated_incidents']),
  createdAtMs: z.number(),
  rcaDueMs: z.number(),
  solvedAtMs: z.number().nullable(),
  requestIds: z.array(z.string()),
});
