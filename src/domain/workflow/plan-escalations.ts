import { dueEscalations, nextEscalation, type TargetKind, type TargetProgress } from '../escalation/ladder.js';
import { hasMarker, noteMarker } from '../notes/render-notes.js';
import type { TargetClock } from '../sla/evaluate-target.js';
import type { SlaClock } from '../sla/sla-clock.js';
import { renderEscalationNote } from './escalation-notes.js';
import type { RequestSnapshot } from './request-snapshot.js';
import type { EscalationRecord, WorkflowState } from './workflow-state.js';
import type { WorkflowPolicy } from './workflow-policy.js';

/**
 * The ladder's steps now due on each running target, each taken once (markers on the request count as
 * taken), and when each target next needs a look; no clock, nothing to escalate.
 */
export function planEscalations(
  snapshot: RequestSnapshot,
  previous: WorkflowState,
  clock: SlaClock,
  nowMs: number,
  policy: WorkflowPolicy,
) {
  const none = { notes: [] as string[], records: [] as EscalationRecord[], watchers: [] as string[], assignee: null as string | null };
  if (!clock.hasClock) return { ...none, timers: { response: null, resolution: null } };
  const targets: Record<TargetKind, TargetClock> = { response: clock.response, resolution: clock.resolution };
  const progress = (Object.keys(targets) as TargetKind[])
    .filter((kind) => targets[kind].state !== 'not-started')
    .map((kind): TargetProgress => ({
      target: kind,
      allowedMs: targets[kind].targetMs,
      elapsedMs: targets[kind].elapsedMs,
      stopped: targets[kind].stopped,
    }));
  const done = new Set(previous.escalations.map((e) => e.key));
  const result = { ...none };

  for (const step of dueEscalations(progress, done, policy.ladder)) {
    const marker = noteMarker('esc', `${snapshot.id}:${step.key}`);
    done.add(step.key);
    result.records.push({
      key: step.key,
      level: step.level,
      target: step.target,
      atMs: nowMs,
      ...(step.level === 'warning' ? {} : { reason: 'breach' as const }),
    });
    if (hasMarker(snapshot.noteTexts, marker)) continue;
    const personId =
      step.level === 'cto'
        ? policy.escalation.ctoId
        : step.level === 'service_support_manager'
          ? policy.escalation.serviceSupportManagerId
          : null;
    const person = personId ? { id: personId, mode: policy.escalation.mode } : null;
    const context = {
      priority: clock.priority,
      dueAtMs: targets[step.target].shownDueAt,
      warningPercent: policy.ladder.warningPercent,
      l2AfterPercent: policy.ladder.l2AfterPercent,
      person,
    };
    result.notes.push(renderEscalationNote(step, context, policy.formatInstant, marker));
    if (person?.mode === 'watch') result.watchers.push(person.id);
    if (person?.mode === 'assign') result.assignee = person.id;
  }

  const timers: Record<TargetKind, number | null> = { response: null, resolution: null };
  for (const p of progress) {
    const next = targets[p.target].state === 'paused' ? undefined : nextEscalation(p, done, policy.ladder);
    timers[p.target] = next ? policy.calendar.addBusinessMillis(nowMs, next.atElapsedMs - p.elapsedMs) : null;
  }
  return { ...result, timers };
}
