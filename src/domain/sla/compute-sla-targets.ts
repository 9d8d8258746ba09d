import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Priority, SlaTargets } from './sla-policy.js';

export interface SlaDueInstants {
  /** Epoch ms by which the first response is due. */
  readonly responseDue: number;
  /** Epoch ms by which the request must be resolved. */
  readonly resolutionDue: number;
}

/**
 * Due instants of a request of `priority` whose clocks start at `start` (epoch ms) and never
 * pause: the start plus each target in business time of `calendar` (see BusinessCalendar for
 * the rules; a target running out at closing time is due at closing time).
 */
export function computeSlaTargets(priority: Priority, start: number, calendar: BusinessCalendar, targets: SlaTargets): SlaDueInstants {
  const target = targets[priority];
  return {
    responseDue: calendar.addBusinessMillis(start, target.responseMs),
    resolutionDue: calendar.addBusinessMillis(start, target.resolutionMs),
  };
}
