import type { EscalationLevel, TargetKind } from '../escalation/ladder.js';
import type { RegistrationState } from '../registration/registration-state.js';
import type { TicketFacts } from '../notes/ticket-facts.js';
import type { RequestEvent } from '../sla/request-history.js';
import type { HistoryRebuild } from '../resync/rebuild-state.js';
import type { Priority } from '../sla/sla-policy.js';
import type { Excuse } from '../notes/note-signals.js';
import type { DecidedRule } from './decided-rule.js';

export interface EscalationRecord {
  key: string;
  /** A step of the SLA ladder, or `xurrent`: the break-fix escalation to Xurrent (no target). */
  level: EscalationLevel | 'xurrent';
  target: TargetKind | null;
  /** When the worker escalated, epoch ms. */
  atMs: number;
}

/**
 * What the worker remembers of one request between runs (kept in Redis): the history its SLA
 * clock is computed from, the facts it last wrote on the ticket, and the escalations done.
 */
export interface WorkflowState {
  version: 1;
  /** The request as last observed; null before the first run. */
  observed: { status: string; category: string | null; priority: Priority | null; updatedAtMs: number; notAccountable?: boolean } | null;
  events: RequestEvent[];
  facts: TicketFacts | null;
  /** Counts fact-change notes, so each note's marker is unique. */
  factsVersion: number;
  escalations: EscalationRecord[];
  notesWritten: number;
  /** First-line registration and routing (absent in states saved before it existed). */
  registration?: RegistrationState;
  /** Set when the state was rebuilt from Xurrent after Redis lost it: what could not be recovered. */
  history?: HistoryRebuild;
  /** The request's `updatedAt` after the worker's own last write (a change no webhook needs to announce). */
  lastWriteAtMs?: number;
  /** The instant of the request's pending wake-up timer (null: none), so a reschedule finds the one it replaces. */
  wakeUpAtMs?: number | null;
  /** The contract settings the request is held to, kept from its registration (absent: saved before they were kept). */
  rule?: DecidedRule;
  /** A breach excuse standing on the request (§3.3), from a provider person's tagged note; null: none. */
  excused?: Excuse | null;
  /** When the worker nudged first line for a Top incident's missing root cause (once). */
  rootCauseRemindedAtMs?: number | null;
}

export const INITIAL_WORKFLOW_STATE: WorkflowState = {
  version: 1,
  observed: null,
  events: [],
  facts: null,
  factsVersion: 0,
  escalations: [],
  notesWritten: 0,
};
