import type { ReconcilePlan } from './reconcile-plan.js';

/**
 * The earliest instant a request's reconcile has something to decide: the next SLA threshold of
 * either target, the registration reminder or the root-cause nudge; null when nothing is pending. The reconcile that
 * runs then computes the one after, so a single timer per request covers them all.
 */
export function nextWakeUpMs(plan: Pick<ReconcilePlan, 'timers' | 'reminderAtMs' | 'rootCauseReminderAtMs'>): number | null {
  const pending = [plan.timers.response, plan.timers.resolution, plan.reminderAtMs, plan.rootCauseReminderAtMs ?? null].filter(
    (at): at is number => at !== null,
  );
  return pending.length > 0 ? Math.min(...pending) : null;
}
