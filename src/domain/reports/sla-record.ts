import type { Priority } from '../triage/categories.js';

export type TargetKind = 'response' | 'resolution';

/**
 * The customer a request is for (§2.6: the review is held per customer): the Xurrent account it
 * came from through the trust, else its requested-for person's account (see docs/reporting.md).
 */
export interface ReportCustomer {
  /** The account id (Xurrent's subdomain-like id). */
  id: string;
  name: string | null;
}

/** A request's breaches excused after the fact (§3.3), as issue 16's note tag records it. */
export interface RecordExcuse {
  reason: string;
  /** The provider person who excused it (node id: personal data, removed by `privacy forget`). */
  by: string;
  /** Epoch ms of the excusing note. */
  at: number;
}

/** One SLA target of one request, as kept for reporting (finished, or running at report time). */
export interface SlaRecord {
  requestId: string;
  priority: Priority;
  category: string;
  serviceInstance: string | null;
  target: TargetKind;
  /** Epoch ms. */
  startMs: number;
  dueMs: number;
  /** When the target stopped (responded / completed), or null while it runs. */
  actualMs: number | null;
  /** Business time between start and stop (or report time) during which the clock did not run. */
  pausedBusinessMs: number;
  /**
   * The same paused time split by reason: `waiting_for_customer`, `completed_then_reopened` (a
   * resolution clock between a completion and the reopen), and any reason the workflow state
   * records for a pause (e.g. `incomplete_request`). Business ms; reasons absent when zero.
   */
  pausedByReason?: Readonly<Record<string, number>>;
  /** The clock is paused since this instant (epoch ms): its due instant moves until it resumes. */
  pausedSinceMs?: number | null;
  /** Times the request was reopened after completion (resolution target). */
  reopened?: number;
  /** Escalation levels reached for this target, in order. */
  escalations: readonly string[];
  /** Why the target was breached, when an agent or the worker recorded it. */
  breachReason?: string | null;
  /**
   * Resolution under the root-cause start (§3.2): when the root cause was determined, the clock's
   * start; null when the request was completed without one and counted from registration (flag
   * `no_root_cause_recorded`). Absent: a response target, the registration start, or an older record.
   */
  rootCauseAtMs?: number | null | undefined;
  /** The request's customer; absent or null when not known (records kept before customers were). */
  customer?: ReportCustomer | null | undefined;
  /**
   * A provider person excused the request's breaches after the fact (§3.3: the customer's systems,
   * access, an incomplete request, the internet): the latest reason, who (person node id) and when.
   * The breach stays a breach; the review shows it apart. Absent or null: not excused.
   */
  excused?: RecordExcuse | null;
  /**
   * The same target's instant in Xurrent's own affected SLA (`affectedSlas`, read in the worker's
   * one query per request), when Xurrent gives one: compared with `dueMs` in the review. Absent or
   * null: none (no affected SLA, clock stopped, best effort).
   */
  xurrentDueMs?: number | null;
  /**
   * The rule the target was decided under (kept from the request's registration, issue 16): its
   * allowed business time and the clock's modes. Absent: written before rules were kept.
   */
  rule?: RecordRule;
}

/** The settings one record was decided under, as the review states them (§3: stable closed periods). */
export interface RecordRule {
  /** The target's allowed business time (SLA_TARGETS at registration), ms. */
  allowedMs: number;
  resolutionClockStart: string;
  responseBy: string;
}

export type Outcome = 'met' | 'breached' | 'running';

/**
 * A target is met when it stopped at or before its due instant, breached when it stopped later or
 * is still running past its due instant at `asOfMs`, and running otherwise (also while paused
 * within target).
 */
export function outcomeOf(record: SlaRecord, asOfMs: number): Outcome {
  if (record.actualMs !== null) return record.actualMs <= record.dueMs ? 'met' : 'breached';
  // A paused clock's due instant is only a projection from the pause: it breached only if it was
  // already due when the pause began.
  const pausedSince = record.pausedSinceMs ?? null;
  if (pausedSince !== null) return pausedSince > record.dueMs ? 'breached' : 'running';
  return asOfMs > record.dueMs ? 'breached' : 'running';
}

/**
 * The instant a record's outcome became known, which decides the reporting period it belongs to:
 * its stop when met, its due instant when breached (the breach happened then, even if the request
 * was completed in a later period), or none while still running within target.
 */
export function decidedAtMs(record: SlaRecord, asOfMs: number): number | null {
  switch (outcomeOf(record, asOfMs)) {
    case 'met':
      return record.actualMs;
    case 'breached':
      return record.dueMs;
    default:
      return null;
  }
}
