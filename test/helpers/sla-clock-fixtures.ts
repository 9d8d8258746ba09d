import type { RequestCategory, RequestEvent, RequestStatus } from '../../src/domain/sla/request-history.js';
import { computeSlaClock } from '../../src/domain/sla/sla-clock.js';
import type { Priority, SlaPolicy } from '../../src/domain/sla/sla-policy.js';
import { parseSlaTargets } from '../../src/domain/sla/parse-sla-policy.js';
import { calendarOf, ms, valueOf } from './calendar.js';

// Amsterdam, Mon–Fri 08:30–17:30 = 07:30Z–16:30Z in January. Monday 12 January 2026.
export const calendar = calendarOf('Europe/Amsterdam');
export const policy: SlaPolicy = {
  targets: valueOf(parseSlaTargets('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h')),
  warningPercent: 75,
  resolutionClockStart: 'created',
};

export const t = (time: string) => ms(`2026-01-12T${time}:00Z`);
export const created = (time: string, priority: Priority = 'top'): RequestEvent => ({ kind: 'created', at: t(time), priority });
export const status = (time: string, to: RequestStatus): RequestEvent => ({ kind: 'status-changed', at: t(time), status: to });
export const priority = (time: string, to: Priority): RequestEvent => ({ kind: 'priority-changed', at: t(time), priority: to });

export function clockAt(now: string, events: RequestEvent[], options: { category?: RequestCategory; policy?: SlaPolicy } = {}) {
  const clock = computeSlaClock({ category: options.category ?? 'incident', events }, t(now), calendar, options.policy ?? policy);
  if (!clock.hasClock) throw new Error(`no clock: ${clock.reason}`);
  return clock;
}
