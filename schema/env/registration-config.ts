import { DEFAULT_REPRODUCTION_CUES, parseCompletenessRules, type CompletenessRules } from '../../src/domain/registration/completeness-rules.js';
import { parseReminderDelay, type ReminderDelay } from '../../src/domain/registration/reminder-delay.js';
import { parseRoutingRules, type RoutingRule } from '../../src/domain/registration/routing-rules.js';
import type { EnvOf } from './fields.js';
import { parsePriorityList } from '../../src/domain/sla/parse-signal-settings.js';
import type { Priority } from '../../src/domain/sla/sla-policy.js';
import type { registrationEnvShape } from './registration.js';

export interface RegistrationConfig {
  completeness: { rules: CompletenessRules; cues: readonly string[]; pause: boolean; pausePriorities: readonly Priority[]; reminder: ReminderDelay };
  routing: { rules: readonly RoutingRule[]; registrationTeamId: string | null };
}

/** The schema has validated every value already; the fallbacks are only reached for empty values. */
export function toRegistrationConfig(env: EnvOf<typeof registrationEnvShape>): RegistrationConfig {
  const rules = parseCompletenessRules(env.COMPLETENESS_RULES ?? '');
  const routing = parseRoutingRules(env.ROUTING_RULES ?? '');
  const cues = (env.COMPLETENESS_CUES ?? '').split(',').map((cue) => cue.trim()).filter(Boolean);
  return {
    completeness: {
      rules: rules.ok ? rules.value : {},
      cues: cues.length > 0 ? cues : DEFAULT_REPRODUCTION_CUES,
      pause: env.COMPLETENESS_PAUSE,
      pausePriorities: (() => {
        const parsed = parsePriorityList(env.COMPLETENESS_PAUSE_PRIORITIES);
        return parsed.ok ? parsed.value : ['high', 'medium', 'low'];
      })(),
      reminder: parseReminderDelay(env.COMPLETENESS_REMINDER) ?? { unit: 'business_days', days: 1 },
    },
    routing: { rules: routing.ok ? routing.value : [], registrationTeamId: env.REGISTRATION_TEAM_ID ?? null },
  };
}
