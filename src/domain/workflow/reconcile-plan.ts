import type { TargetKind } from '../escalation/ladder.js';
import type { TicketFacts } from '../notes/ticket-facts.js';
import type { CustomFieldValue } from './custom-fields.js';
import type { EscalationRecord, WorkflowState } from './workflow-state.js';

/** What the worker should write to the request, remember, and schedule. */
export interface ReconcilePlan {
  state: WorkflowState;
  facts: TicketFacts;
  /** New internal notes, joined into one (Xurrent takes one internal note per update); null when none. */
  internalNote: string | null;
  watchersToAdd: string[];
  assignMemberId: string | null;
  /** Custom field values to write, when facts changed and fields are configured; empty otherwise. */
  customFields: CustomFieldValue[];
  /** A note to the requester (visible to them), or null. */
  publicNote: string | null;
  /** Break-fix: the supplier to set and the status to move to, or null. */
  supplierId: string | null;
  status: string | null;
  /** First line's routing: the team to assign, or null. */
  teamId: string | null;
  /** When the completeness reminder should wake the request; null: no timer. */
  reminderAtMs: number | null;
  /** When the root-cause nudge of a Top incident is due; null: none pending. */
  rootCauseReminderAtMs?: number | null;
  /** When each target's clock next needs a look (its next escalation threshold); null: no timer. */
  timers: Record<TargetKind, number | null>;
  escalated: EscalationRecord[];
}
