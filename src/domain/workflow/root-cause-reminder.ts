import { hasMarker, noteMarker } from '../notes/render-notes.js';
import type { RequestEvent } from '../sla/request-history.js';
import type { SlaClock } from '../sla/sla-clock.js';
import type { DecidedRule } from './decided-rule.js';
import type { WorkflowPolicy } from './workflow-policy.js';
import type { RequestSnapshot } from './request-snapshot.js';
import type { WorkflowState } from './workflow-state.js';

export interface RootCauseReminderPlan {
  note: string | null;
  watchers: string[];
  /** When the nudge is due while it is still ahead; null otherwise. */
  atMs: number | null;
  /** When the nudge was given (kept so it is given once). */
  remindedAtMs: number | null;
}

/**
 * §2.3/§3.2: every Top incident gets a root-cause analysis, and its resolution clock starts at the
 * root cause. A Top incident in scope, under the root-cause start, still without a root cause
 * `ROOT_CAUSE_REMINDER` business time after registration gets one internal note to first line, and
 * the Service Support Manager watches it. Once: kept in the state, and its marker found on the
 * request counts as given when the state was lost.
 */
export function planRootCauseReminder(
  snapshot: Pick<RequestSnapshot, 'id' | 'status' | 'noteTexts'>,
  previous: Pick<WorkflowState, 'rootCauseRemindedAtMs'>,
  ctx: { inSla: boolean; rule: DecidedRule; clock: SlaClock; events: readonly RequestEvent[]; nowMs: number },
  policy: Pick<WorkflowPolicy, 'rootCauseReminderMs' | 'calendar' | 'escalation' | 'formatInstant'> & { rootCauseTags: readonly string[] },
): RootCauseReminderPlan {
  const remindedAtMs = previous.rootCauseRemindedAtMs ?? null;
  const none: RootCauseReminderPlan = { note: null, watchers: [], atMs: null, remindedAtMs };
  const delay = policy.rootCauseReminderMs ?? null;
  const { clock, events, nowMs } = ctx;
  if (remindedAtMs !== null || delay === null || !ctx.inSla || ctx.rule.resolutionClockStart !== 'root_cause') return none;
  if (!clock.hasClock || clock.priority !== 'top' || snapshot.status === 'completed') return none;
  if (events.some((e) => e.kind === 'root-cause-recorded' && e.at <= nowMs)) return none;
  const created = events.find((e) => e.kind === 'created');
  if (!created) return none;
  const dueMs = policy.calendar.addBusinessMillis(created.at, delay);
  if (nowMs < dueMs) return { ...none, atMs: dueMs };
  const marker = noteMarker('rootcause-reminder', snapshot.id);
  if (hasMarker(snapshot.noteTexts, marker)) return { ...none, remindedAtMs: nowMs };
  const manager = policy.escalation.serviceSupportManagerId;
  const note = [
    `Root cause not recorded yet for this Top incident (registered ${policy.formatInstant(created.at)}).`,
    `First line: record it with a note holding ${policy.rootCauseTags.join(' or ')} and the cause, or set the linked problem to analyzed; the resolution clock starts then (contract §3.2).`,
    manager
      ? 'The Service Support Manager now watches this request.'
      : 'No Service Support Manager is configured (ESCALATION_L1_PERSON_ID) to watch it.',
    marker,
  ].join('\n');
  return { note, watchers: manager ? [manager] : [], atMs: null, remindedAtMs: nowMs };
}
