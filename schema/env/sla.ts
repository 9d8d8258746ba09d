import type { CalendarSpec } from '../../src/domain/calendar/calendar-spec.js';
import { parseHolidayText } from '../../src/domain/calendar/parse-holiday-list.js';
import { parseSupportHours } from '../../src/domain/calendar/parse-support-hours.js';
import { parseTimeZone } from '../../src/domain/calendar/parse-time-zone.js';
import { parseSlaGoals, parseSlaTargets } from '../../src/domain/sla/parse-sla-policy.js';
import { parseBusinessDuration, parseTagList } from '../../src/domain/sla/parse-signal-settings.js';
import { RESOLUTION_CLOCK_STARTS, type ResolutionClockStart, type SlaGoals, type SlaTargets } from '../../src/domain/sla/sla-policy.js';
import { enumWithDefault, intWithDefault, parsedBy, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

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

/** Support hours, holidays and the contract's SLA targets, each parsed by the domain's own parser. */
export const slaEnvSection = defineEnvSection({
  shape: {
    SUPPORT_TIMEZONE: stringWithDefault('Europe/Amsterdam').transform(parsedBy(parseTimeZone)),
    SUPPORT_HOURS: stringWithDefault('Mon-Fri 08:30-17:30').transform(parsedBy(parseSupportHours)),
    SUPPORT_HOLIDAYS: stringWithDefault('').transform(parsedBy(parseHolidayText)),
    SLA_TARGETS: stringWithDefault('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h').transform(parsedBy(parseSlaTargets)),
    SLA_GOALS: stringWithDefault('top=100;low+medium+high=80').transform(parsedBy(parseSlaGoals)),
    SLA_WARNING_PERCENT: intWithDefault(75, { min: 1, max: 100 }),
    RESOLUTION_CLOCK_START: enumWithDefault(RESOLUTION_CLOCK_STARTS, 'root_cause'),
    ROOT_CAUSE_TAGS: stringWithDefault('#rootcause,#hoofdoorzaak').transform(parsedBy(parseTagList)),
    ROOT_CAUSE_REMINDER: stringWithDefault('2h').transform(parsedBy(parseBusinessDuration)),
    EXCUSE_TAGS: stringWithDefault('#excused,#uitgesloten').transform(parsedBy(parseTagList)),
  },
  config: (env): { sla: SlaConfig } => ({
    sla: {
      calendar: { zone: env.SUPPORT_TIMEZONE, weekly: env.SUPPORT_HOURS, holidays: env.SUPPORT_HOLIDAYS },
      targets: env.SLA_TARGETS,
      goals: env.SLA_GOALS,
      warningPercent: env.SLA_WARNING_PERCENT,
      resolutionClockStart: env.RESOLUTION_CLOCK_START,
      rootCauseTags: env.ROOT_CAUSE_TAGS,
      rootCauseReminderMs: env.ROOT_CAUSE_REMINDER,
      excuseTags: env.EXCUSE_TAGS,
    },
  }),
});
