import { z } from 'zod';

/** Job data holds ids and the event name only: never tokens or personal data. */
export const RequestEventJobSchema = z.object({
  deliveryId: z.string().min(1),
  event: z.string().min(1),
  accountId: z.string().min(1),
  requestNodeId: z.string().min(1),
  receivedAt: z.iso.datetime(),
  /**
   * `request.status-changed` only: who changed the status to what (the envelope's `person_nodeID`
   * and `payload.status`), recorded when the event comes in: Xurrent keeps no author of a status
   * change that the worker can read later.
   */
  actor: z.object({ personNodeId: z.string().min(1).max(200), status: z.string().min(1).max(50) }).optional(),
});
export type RequestEventJob = z.infer<typeof RequestEventJobSchema>;

/** Reconcile one request; `reason` is for the logs only (the job reads current state, not the event). */
export const ReconcileRequestJobSchema = z.object({
  requestNodeId: z.string().min(1),
  reason: z.string().max(100),
});
export type ReconcileRequestJob = z.infer<typeof ReconcileRequestJobSchema>;

/**
 * Wakes a request when one of its SLA targets reaches its next escalation threshold, or when the
 * completeness reminder of an incomplete registration is due (`registration-reminder`).
 */
export const SlaTimerJobSchema = z.object({
  requestNodeId: z.string().min(1),
  /** Set by timers scheduled before one wake-up per request replaced one timer per target. */
  target: z.enum(['response', 'resolution', 'registration-reminder']).optional(),
  /** The instant the timer is meant for, epoch ms (the scenario runner fires timers in this order). */
  fireAtMs: z.number().int(),
});
export type SlaTimerJob = z.infer<typeof SlaTimerJobSchema>;

/**
 * A reconciliation pass. `sweep`: the requests changed since the sweep's high-water mark (minus
 * the overlap). `full`: every open request, plus those changed since `sinceMs` when given.
 */
export const ResyncJobSchema = z.object({
  kind: z.enum(['sweep', 'full']),
  sinceMs: z.number().int().nullable(),
  reason: z.string().max(100),
});
export type ResyncJob = z.infer<typeof ResyncJobSchema>;
