import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { evaluateTarget, type TargetClock } from './evaluate-target.js';
import type { RequestHistory } from './request-history.js';
import type { Priority, SlaPolicy } from './sla-policy.js';
import { trackClocks } from './track-clocks.js';

export type SlaClock =
  | { readonly hasClock: false; readonly reason: 'not-an-incident' | 'not-created' | 'outside-sla' }
  | {
      readonly hasClock: true;
      readonly priority: Priority;
      readonly response: TargetClock;
      readonly resolution: TargetClock;
      readonly noRootCause: boolean;
    };

/**
 * The SLA clocks of a request at `now` (epoch ms), computed from its history alone:
 * - only incidents have clocks (a request for information or any other category has none);
 * - both clocks start at creation; with `resolutionClockStart` root_cause the resolution clock
 *   starts when the root cause is first recorded instead (completed without one: from creation);
 * - response stops at the response (`responseBy`, see track-clocks.ts: a person's, or any
 *   responding status change under the old reading);
 * - resolution stops when the status becomes completed (a workaround counts) and resumes on reopen;
 * - both are paused while the status is waiting_for_customer or the provider is not accountable;
 * - a priority change re-evaluates both targets with the new priority's targets, from the
 *   original start and keeping the time spent paused (elapsed business time does not change,
 *   only the target it is compared with), also for a clock that already stopped;
 * - elapsed time is business time of `calendar`; warnings fire at `policy.warningPercent`.
 */
export function computeSlaClock(history: RequestHistory, now: number, calendar: BusinessCalendar, policy: SlaPolicy): SlaClock {
  if (history.category !== 'incident') return { hasClock: false, reason: 'not-an-incident' };
  const tracked = trackClocks(history.events, now, policy);
  if (!tracked) return { hasClock: false, reason: 'not-created' };
  const target = policy.targets[tracked.priority];
  return {
    hasClock: true,
    priority: tracked.priority,
    response: evaluateTarget(tracked.response, target.responseMs, policy.warningPercent, calendar),
    resolution: evaluateTarget(tracked.resolution, target.resolutionMs, policy.warningPercent, calendar),
    noRootCause: tracked.noRootCause,
  };
}
