import { z } from 'zod';
import {
  DEFAULT_REPRODUCTION_CUES,
  parseCompletenessRules,
  type CompletenessRules,
} from '../../src/domain/registration/completeness-rules.js';
import { parseReminderDelay, type ReminderDelay } from '../../src/domain/registration/reminder-delay.js';
import { parseRoutingRules, type RoutingRule } from '../../src/domain/registration/routing-rules.js';
import { parsePriorityList } from '../../src/domain/sla/parse-signal-settings.js';
import type { Priority } from '../../src/domain/sla/sla-policy.js';
import { booleanWithDefault, commaList, optionalString, parsedBy, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

export interface RegistrationConfig {
  completeness: {
    rules: CompletenessRules;
    cues: readonly string[];
    pause: boolean;
    pausePriorities: readonly Priority[];
    reminder: ReminderDelay;
  };
  routing: { rules: readonly RoutingRule[]; registrationTeamId: string | null };
}

function reminderDelay(text: string, ctx: z.RefinementCtx): ReminderDelay {
  const delay = parseReminderDelay(text);
  if (delay) return delay;
  ctx.addIssue({ code: 'custom', message: 'must be business time as <n>d (days), <n>h (hours) or <n>m (minutes), e.g. 1d' });
  return z.NEVER;
}

/** First-line registration: what makes a request complete, what happens when it is not, and where requests go. */
export const registrationEnvSection = defineEnvSection({
  shape: {
    // Unset: the domain's default rules (the parser's answer to an empty text).
    COMPLETENESS_RULES: stringWithDefault('').transform(parsedBy(parseCompletenessRules)),
    COMPLETENESS_CUES: stringWithDefault('').transform((text): readonly string[] => {
      const cues = commaList(text);
      return cues.length > 0 ? cues : DEFAULT_REPRODUCTION_CUES;
    }),
    COMPLETENESS_PAUSE: booleanWithDefault(true),
    COMPLETENESS_PAUSE_PRIORITIES: stringWithDefault('high,medium,low').transform(parsedBy(parsePriorityList)),
    COMPLETENESS_REMINDER: stringWithDefault('1d').transform(reminderDelay),
    ROUTING_RULES: stringWithDefault('').transform(parsedBy(parseRoutingRules)),
    REGISTRATION_TEAM_ID: optionalString(),
  },
  config: (env): { registration: RegistrationConfig } => ({
    registration: {
      completeness: {
        rules: env.COMPLETENESS_RULES,
        cues: env.COMPLETENESS_CUES,
        pause: env.COMPLETENESS_PAUSE,
        pausePriorities: env.COMPLETENESS_PAUSE_PRIORITIES,
        reminder: env.COMPLETENESS_REMINDER,
      },
      routing: { rules: env.ROUTING_RULES, registrationTeamId: env.REGISTRATION_TEAM_ID ?? null },
    },
  }),
});
