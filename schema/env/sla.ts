import type { z } from 'zod';
import { parseHolidayText } from '../../src/domain/calendar/parse-holiday-list.js';
import { parseSupportHours } from '../../src/domain/calendar/parse-support-hours.js';
import { parseTimeZone } from '../../src/domain/calendar/parse-time-zone.js';
import type { ParseResult } from '../../src/domain/parse-result.js';
import { parseSlaGoals, parseSlaTargets } from '../../src/domain/sla/parse-sla-policy.js';
import { RESOLUTION_CLOCK_STARTS } from '../../src/domain/sla/sla-policy.js';
import { parseBusinessDuration, parseTagList } from '../../src/domain/sla/parse-signal-settings.js';
import { enumWithDefault, intWithDefault, optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/**
 * Checks a text variable with one of the domain's parsers, so a bad value becomes an issue
 * naming the bad part. The value stays text here (so `.env.example` can show the default as is);
 * `toSlaConfig` turns it into its typed form.
 */
function checkedBy<T>(parse: (text: string) => ParseResult<T>) {
  return (text: string | undefined, ctx: z.RefinementCtx) => {
    if (text === undefined) return;
    const result = parse(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
  };
}

/** Support hours, holidays and the contract's SLA targets. */
export const slaEnvShape = {
  SUPPORT_TIMEZONE: stringWithDefault('Europe/Amsterdam').superRefine(checkedBy(parseTimeZone)),
  SUPPORT_HOURS: stringWithDefault('Mon-Fri 08:30-17:30').superRefine(checkedBy(parseSupportHours)),
  SUPPORT_HOLIDAYS: optionalString().superRefine(checkedBy(parseHolidayText)),
  SLA_TARGETS: stringWithDefault('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h').superRefine(checkedBy(parseSlaTargets)),
  SLA_GOALS: stringWithDefault('top=100,high=80,medium=80,low=80').superRefine(checkedBy(parseSlaGoals)),
  SLA_WARNING_PERCENT: intWithDefault(75, { min: 1, max: 100 }),
  RESOLUTION_CLOCK_START: enumWithDefault(RESOLUTION_CLOCK_STARTS, 'root_cause'),
  ROOT_CAUSE_TAGS: stringWithDefault('#rootcause,#hoofdoorzaak').superRefine(checkedBy(parseTagList)),
  ROOT_CAUSE_REMINDER: stringWithDefault('2h').superRefine(checkedBy(parseBusinessDuration)),
  EXCUSE_TAGS: stringWithDefault('#excused,#uitgesloten').superRefine(checkedBy(parseTagList)),
};

export const slaEnvSection = defineEnvSection({ shape: slaEnvShape });
