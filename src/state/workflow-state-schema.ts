import { z } from 'zod';
import { REQUIREMENTS } from '../domain/registration/completeness-rules.js';

const priority = z.enum(['top', 'high', 'medium', 'low']);
const slaState = z.enum(['none', 'running', 'paused', 'met', 'breached']);

const requestEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), at: z.number(), priority }),
  z.object({
    kind: z.literal('status-changed'),
    at: z.number(),
    status: z.string(),
    reason: z.literal('incomplete_request').optional(),
    by: z.enum(['worker', 'requester']).optional(),
  }),
  z.object({ kind: z.literal('priority-changed'), at: z.number(), priority }),
  z.object({ kind: z.literal('root-cause-recorded'), at: z.number(), source: z.enum(['tag', 'problem']).optional() }),
  z.object({ kind: z.literal('responded'), at: z.number(), via: z.literal('note') }),
  z.object({ kind: z.literal('accountability-changed'), at: z.number(), notAccountable: z.boolean() }),
]);

/**
 * State saved before the registration statuses were renamed says `complete` (nothing had to be asked)
 * or `completed` (complete after asking); it keeps its meaning under the new names when read back.
 */
const LEGACY_REGISTRATION_STATUS = { complete: 'complete-without-asking', completed: 'completed-after-asking' } as const;
const registrationStatus = z
  .enum(['unchecked', 'complete-without-asking', 'incomplete', 'completed-after-asking', 'complete', 'completed'])
  .transform((status) => (status === 'complete' || status === 'completed' ? LEGACY_REGISTRATION_STATUS[status] : status));

const targetPair = z.object({ responseMs: z.number(), resolutionMs: z.number() });

/** The rule a request was decided under (src/domain/workflow/decided-rule.ts). */
const decidedRule = z.object({
  slaServiceInstanceIds: z.array(z.string()).nullable(),
  xurrentServiceInstanceIds: z.array(z.string()),
  targets: z.object({ top: targetPair, high: targetPair, medium: targetPair, low: targetPair }),
  resolutionClockStart: z.enum(['created', 'root_cause']),
  responseBy: z.enum(['person', 'status']),
});

/** The worker's memory of one request, as stored in Redis (validated when read back). */
export const WorkflowStateSchema = z.object({
  version: z.literal(1),
  observed: z
    .object({
      status: z.string(),
      category: z.string().nullable(),
      priority: priority.nullable(),
      updatedAtMs: z.number(),
      notAccountable: z.boolean().optional(),
    })
    .nullable(),
  events: z.array(requestEvent),
  facts: z
    .object({
      kind: z.enum(['incident', 'rfi', 'rfc', 'other']),
      priority: priority.nullable(),
      priorityReason: z.string(),
      responseDueMs: z.number().nullable(),
      resolutionDueMs: z.number().nullable(),
      responseState: slaState,
      resolutionState: slaState,
      flags: z.array(
        z.enum(['outside_standard_support', 'forwarded_to_xurrent', 'outside_sla', 'no_root_cause_recorded', 'xurrent_contact_advised']),
      ),
    })
    .nullable(),
  factsVersion: z.number().int(),
  escalations: z.array(
    z.object({
      key: z.string(),
      level: z.enum(['warning', 'service_support_manager', 'cto', 'xurrent']),
      target: z.enum(['response', 'resolution']).nullable(),
      atMs: z.number(),
      reason: z.enum(['breach', 'customer']).optional(),
      personId: z.string().nullable().optional(),
    }),
  ),
  notesWritten: z.number().int(),
  registration: z
    .object({
      status: registrationStatus,
      missing: z.array(z.enum(REQUIREMENTS)),
      askedAtMs: z.number().nullable(),
      notesAtAsk: z.number().int(),
      remindedAtMs: z.number().nullable(),
      pauses: z.array(z.object({ reason: z.literal('incomplete_request'), fromMs: z.number(), toMs: z.number().nullable() })),
      routedTeamId: z.string().nullable(),
    })
    .optional(),
  history: z.object({ rebuiltAtMs: z.number(), complete: z.boolean(), gaps: z.array(z.string()) }).optional(),
  lastWriteAtMs: z.number().optional(),
  wakeUpAtMs: z.number().nullable().optional(),
  rule: decidedRule.optional(),
  excused: z.object({ reason: z.string(), by: z.string(), at: z.number() }).nullable().optional(),
  rootCauseRemindedAtMs: z.number().nullable().optional(),
  rcaRequest: z.object({ atMs: z.number(), personId: z.string().nullable() }).nullable().optional(),
});
