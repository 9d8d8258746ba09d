import type { CalendarSpec } from '../../src/domain/calendar/calendar-spec.js';
import { parseHolidayText } from '../../src/domain/calendar/parse-holiday-list.js';
import { parseSupportHours } from '../../src/domain/calendar/parse-support-hours.js';
import type { ParseResult } from '../../src/domain/parse-result.js';
import { parseSlaGoals, parseSlaTargets } from '../../src/domain/sla/parse-sla-policy.js';
import { parseBusinessDuration, parseTagList } from '../../src/domain/sla/parse-signal-settings.js';
import type { ResolutionClockStart, SlaGoals, SlaTargets } from '../../src/domain/sla/sla-policy.js';
import type { EnvOf } from './fields.js';
import type { slaEnvShape } from './sla.js';

type SlaEnv = EnvOf<typeof slaEnvShape>;

export interface SlaConfig {
  readonly calendar: CalendarSpec;
  readonly targets: SlaTargets;
  readonly goals: SlaGoals;
  readonly warningPercent: number;
  readonly resolutionClockStart: ResolutionClockStart;
  readonly rootCauseTags: readonly string[];
  /** Business ms after registration before a Top incident without root cause is nudged (0: never). */
  readonly rootCauseReminderMs: number;
  readonly excuseTags: readonly string[];
}

/** The support calendar and SLA policy, from variables the schema has already checked. */
export function toSlaConfig(env: SlaEnv): SlaConfig {
  return {
    calendar: {
      zone: env.SUPPORT_TIMEZONE.trim(),
      weekly: valueOf(parseSupportHours(env.SUPPORT_HOURS)),
      holidays: valueOf(parseHolidayText(env.SUPPORT_HOLIDAYS ?? '')),
    },
    targets: valueOf(parseSlaTargets(env.SLA_TARGETS)),
    goals: valueOf(parseSlaGoals(env.SLA_GOALS)),
    warningPercent: env.SLA_WARNING_PERCENT,
    resolutionClockStart: env.RESOLUTION_CLOCK_START,
    rootCauseTags: valueOf(parseTagList(env.ROOT_CAUSE_TAGS)),
    rootCauseReminderMs: valueOf(parseBusinessDuration(env.ROOT_CAUSE_REMINDER)),
    excuseTags: valueOf(parseTagList(env.EXCUSE_TAGS)),
  };
}

function valueOf<T>(result: ParseResult<T>): T {
  // Unreachable after the schema's checks; kept so a mismatch fails loudly.
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
