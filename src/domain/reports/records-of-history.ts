import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { evaluateTarget } from '../sla/evaluate-target.js';
import type { RequestEvent } from '../sla/request-history.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import { trackClocks, type ClockTrack } from '../sla/track-clocks.js';
import type { SlaRecord, TargetKind } from './sla-record.js';
import { NOT_ACCOUNTABLE, statusAt, statusStretches } from './status-stretches.js';

/** Ids only: what a record says about the request besides its clock. */
export interface RecordRequest {
  requestId: string;
  category: string;
  serviceInstance: string | null;
}

export interface RecordEscalation {
  level: string;
  target: TargetKind | null;
  atMs: number;
}

const RESPONDED = new Set(['accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed']);

/** Paused time of statuses the clock rules pause on; anything else (a recorded pause reason) stays in the total. */
const PAUSE_REASON_OF_STATUS: Readonly<Record<string, string>> = {
  waiting_for_customer: 'waiting_for_customer',
  completed: 'completed_then_reopened',
  [NOT_ACCOUNTABLE]: NOT_ACCOUNTABLE,
};

/**
 * The SLA records of one incident at `nowMs`, from the same history and engine as its clock: one
 * per target that started. Start is the first instant the target's clock ran (registration, or the
 * root cause with RESOLUTION_CLOCK_START=root_cause); actual is the stop (first response status;
 * the last completion while completed), else null; due is the engine's due instant, or for a clock
 * that stopped or paused short of it, the instant it would have run out had it gone on. Paused time
 * is the business time in [start, actual or now) during which the clock did not run.
 */
export function slaRecordsOfHistory(
  request: RecordRequest,
  events: readonly RequestEvent[],
  escalations: readonly RecordEscalation[],
  nowMs: number,
  calendar: BusinessCalendar,
  policy: SlaPolicy,
): SlaRecord[] {
  if (request.category !== 'incident') return [];
  const tracked = trackClocks(events, nowMs, policy);
  if (!tracked) return [];
  const ordered = events.filter((e) => e.at <= nowMs).sort((a, b) => a.at - b.at);
  const stretches = statusStretches(ordered, nowMs);
  const records: SlaRecord[] = [];
  for (const target of ['response', 'resolution'] as const) {
    const track = tracked[target];
    if (!track.started) continue;
    const allowedMs = policy.targets[tracked.priority][`${target}Ms`];
    const clock = evaluateTarget(track, allowedMs, policy.warningPercent, calendar);
    const startMs = track.stretches[0]?.from ?? createdAt(ordered);
    const actualMs = clock.stopped ? stopInstant(target, ordered, policy.responseBy ?? 'status') : null;
    const dueMs = clock.dueAt ?? clock.shownDueAt ?? startMs;
    const endMs = actualMs ?? nowMs;
    const pausedBusinessMs = Math.max(0, calendar.businessMillisBetween(startMs, endMs) - clock.elapsedMs);
    const record: SlaRecord = {
      requestId: request.requestId,
      priority: tracked.priority,
      category: request.category,
      serviceInstance: request.serviceInstance,
      target,
      startMs,
      dueMs,
      actualMs,
      pausedBusinessMs,
      pausedByReason: pausedByReason(stretches, startMs, endMs, pausedBusinessMs, calendar),
      pausedSinceMs: clock.state === 'paused' ? lastStop(track) : null,
      reopened: target === 'resolution' ? reopenCount(ordered) : 0,
      escalations: escalations
        .filter((e) => e.target === target)
        .sort((a, b) => a.atMs - b.atMs)
        .map((e) => e.level),
      breachReason: null,
      ...(target === 'resolution' && policy.resolutionClockStart === 'root_cause'
        ? { rootCauseAtMs: tracked.noRootCause ? null : rootCauseAt(ordered, startMs) }
        : {}),
    };
    const breached = actualMs !== null ? actualMs > dueMs : clock.state === 'breached';
    if (breached) record.breachReason = `status at due: ${statusAt(stretches, dueMs)}`;
    records.push(record);
  }
  return records;
}

/** When the root cause was determined: its event (the clock may start later, when a pause ends); else the clock's start. */
function rootCauseAt(events: readonly RequestEvent[], startMs: number): number {
  return events.find((e) => e.kind === 'root-cause-recorded' && e.at <= startMs)?.at ?? startMs;
}

function createdAt(events: readonly RequestEvent[]): number {
  return events.find((e) => e.kind === 'created')?.at ?? 0;
}

/** Response: the first response under the rule (track-clocks.ts). Resolution: the last completion (the request is completed now). */
function stopInstant(target: TargetKind, events: readonly RequestEvent[], responseBy: 'person' | 'status'): number | null {
  if (target === 'response') return respondedAtOf(events, responseBy);
  const stops = events.filter((e) => e.kind === 'status-changed' && e.status === 'completed');
  return stops[stops.length - 1]?.at ?? null;
}

/**
 * The instant of a request's response under the rule, from its history (events in time order):
 * the first responding status change (under `person` not the worker's own), or under `person` a
 * provider person's public note, whichever came first. Null while there is none.
 */
export function respondedAtOf(events: readonly RequestEvent[], responseBy: 'person' | 'status'): number | null {
  const first = events.find((e) =>
    e.kind === 'status-changed'
      ? RESPONDED.has(e.status) && (responseBy === 'status' || e.by === undefined)
      : e.kind === 'responded' && responseBy === 'person',
  );
  return first?.at ?? null;
}

function lastStop(track: ClockTrack): number | null {
  return track.stretches[track.stretches.length - 1]?.to ?? null;
}

function reopenCount(events: readonly RequestEvent[]): number {
  let count = 0;
  let completed = false;
  for (const event of events) {
    if (event.kind !== 'status-changed') continue;
    if (completed && event.status !== 'completed') count += 1;
    completed = event.status === 'completed';
  }
  return count;
}

function pausedByReason(
  stretches: ReturnType<typeof statusStretches>,
  fromMs: number,
  toMs: number,
  pausedMs: number,
  calendar: BusinessCalendar,
): Record<string, number> {
  const byReason: Record<string, number> = {};
  for (const stretch of stretches) {
    // A waiting stretch with a recorded reason (the worker's `incomplete_request` pause) counts under that reason.
    const reason = stretch.status === 'waiting_for_customer' && stretch.reason ? stretch.reason : PAUSE_REASON_OF_STATUS[stretch.status];
    const from = Math.max(stretch.fromMs, fromMs);
    const to = Math.min(stretch.toMs, toMs);
    if (!reason || to <= from) continue;
    byReason[reason] = (byReason[reason] ?? 0) + calendar.businessMillisBetween(from, to);
  }
  const known = Object.values(byReason).reduce((sum, ms) => sum + ms, 0);
  if (pausedMs > known) byReason.other = pausedMs - known;
  for (const [reason, ms] of Object.entries(byReason)) if (ms <= 0) delete byReason[reason];
  return byReason;
}
