import type { z } from 'zod';
import { parseCompletenessRules } from '../../src/domain/registration/completeness-rules.js';
import { parseReminderDelay } from '../../src/domain/registration/reminder-delay.js';
import { parseRoutingRules } from '../../src/domain/registration/routing-rules.js';
import { parsePriorityList } from '../../src/domain/sla/parse-signal-settings.js';
import { booleanWithDefault, optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

function checkWith(parse: (text: string) => { ok: true } | { ok: false; error: string }) {
  return (text: string | undefined, ctx: z.RefinementCtx) => {
    if (text === undefined) return;
    const result = parse(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
  };
}

function checkReminder(text: string, ctx: z.RefinementCtx) {
  if (!parseReminderDelay(text)) ctx.addIssue({ code: 'custom', message: 'must be business time as <n>d (days), <n>h (hours) or <n>m (minutes), e.g. 1d' });
}

/** First-line registration: what makes a request complete, what happens when it is not, and where requests go. */
export const registrationEnvShape = {
  COMPLETENESS_RULES: optionalString().superRefine(checkWith(parseCompletenessRules)),
  COMPLETENESS_CUES: optionalString(),
  COMPLETENESS_PAUSE: booleanWithDefault(true),
  COMPLETENESS_PAUSE_PRIORITIES: stringWithDefault('high,medium,low').superRefine(checkWith(parsePriorityList)),
  COMPLETENESS_REMINDER: stringWithDefault('1d').superRefine(checkReminder),
  ROUTING_RULES: optionalString().superRefine(checkWith(parseRoutingRules)),
  REGISTRATION_TEAM_ID: optionalString(),
};

export const registrationEnvSection = defineEnvSection({ shape: registrationEnvShape });
