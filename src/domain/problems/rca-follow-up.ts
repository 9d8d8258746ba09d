import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { hasMarker, noteMarker } from '../notes/render-notes.js';
import type { FormatInstant } from '../notes/ticket-facts.js';
import { rcaFollowUpTargetMs } from './rca-coverage.js';

export type RcaStage = 'warning' | 'overdue';

/** A safety bound: no calendar has a business day less often than once in ten years. */
const MAX_DAYS_BACK = 3_650;

/**
 * The instant `businessDays` business days before the RCA target: the same local wall time on the
 * date reached by stepping back over dates that have support hours (weekends and holidays skipped),
 * in the calendar's zone. 0 days gives the target itself. Epoch ms in and out.
 */
export function computeRcaWarningAtMs(dueMs: number, businessDays: number, calendar: BusinessCalendar): number {
  let day = DateTime.fromMillis(dueMs, { zone: calendar.zone });
  for (let counted = 0, steps = 0; counted < businessDays && steps < MAX_DAYS_BACK; steps++) {
    day = day.minus({ days: 1 });
    const start = day.startOf('day');
    if (calendar.businessMillisBetween(start.toMillis(), start.plus({ days: 1 }).toMillis()) > 0) counted++;
  }
  return day.toMillis();
}

export interface RcaProblem {
  id: string;
  label: string;
  status: string;
  analysisTargetAtMs: number | null;
  noteTexts: readonly string[];
  /** When a report covered every RCA promise on the problem (rca-coverage.ts); null or absent: not yet. */
  rcaReportAtMs?: number | null;
  /** The earliest due of a promise no report covers yet (rca-coverage.ts); null or absent: none known. */
  openRcaDueMs?: number | null;
}

export interface RcaFollowUpPolicy {
  warningBusinessDays: number;
  /** `RCA_REPORT_TAGS` (absent: `#rca`). */
  reportTags?: readonly string[];
  serviceSupportManagerId: string | null;
  calendar: BusinessCalendar;
  format: FormatInstant;
}

export type RcaFollowUp = { action: 'none'; why: string } | { action: 'wait'; untilMs: number } | { action: 'note'; note: string };

/** A declined problem needs no analysis; a solved one still needs its report (§2.3). */
const CLOSED = ['declined'];

/**
 * What an RCA timer does when it fires, from the problem as it is now: nothing once RCA reports
 * cover every promise on the problem (§2.3: each Top incident its own), the problem is declined, or the note was written (a solved
 * problem without its report is still followed up, issue 17 point 5); wait when the target moved later; otherwise a warning
 * to the problem manager before the target, or an escalation to the Service Support Manager once it passed.
 */
export function planRcaFollowUp(problem: RcaProblem, stage: RcaStage, nowMs: number, policy: RcaFollowUpPolicy): RcaFollowUp {
  if (CLOSED.includes(problem.status)) return { action: 'none', why: `problem ${problem.status}` };
  if ((problem.rcaReportAtMs ?? null) !== null) return { action: 'none', why: 'the RCA report is on the problem' };
  // The earliest promise still owed a report, or the later target a problem manager agreed.
  const dueMs = rcaFollowUpTargetMs(problem.analysisTargetAtMs, problem.openRcaDueMs ?? null);
  if (dueMs === null) return { action: 'none', why: 'no RCA target' };
  const marker = noteMarker(`rca-${stage}`, `${problem.id}:${dueMs}`);
  if (hasMarker(problem.noteTexts, marker)) return { action: 'none', why: 'already noted' };
  if (stage === 'warning') {
    if (nowMs >= dueMs) return { action: 'none', why: 'the target passed: the overdue escalation applies' };
    const warnAtMs = computeRcaWarningAtMs(dueMs, policy.warningBusinessDays, policy.calendar);
    if (nowMs < warnAtMs) return { action: 'wait', untilMs: warnAtMs };
    const note = `Support worker: the root-cause analysis of problem ${problem.label} is due ${policy.format(dueMs)} (within ${policy.warningBusinessDays} business days). Problem manager: please attach the RCA report or agree a new target.`;
    return { action: 'note', note: `${note}\n${marker}` };
  }
  if (nowMs < dueMs) return { action: 'wait', untilMs: dueMs };
  const who = policy.serviceSupportManagerId
    ? `the Service Support Manager (${policy.serviceSupportManagerId})`
    : 'the Service Support Manager (ESCALATION_L1_PERSON_ID not set)';
  const note = `Support worker: the root-cause analysis of problem ${problem.label} is overdue since ${policy.format(dueMs)}. Escalated to ${who}.`;
  return { action: 'note', note: `${note}\n${marker}` };
}
