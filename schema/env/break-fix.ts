import { z } from 'zod';
import { parseFollowUpIntervalMs } from '../../src/domain/break-fix/follow-up-interval.js';
import { optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection, type FieldsOf, type SectionFields } from './section.js';
import type { workflowEnvSection } from './workflow.js';

export interface BreakFixConfig {
  mode: 'supplier' | 'request';
  /** Request mode: the account whose requests reach Xurrent's support (X-Xurrent-Account), else null. */
  supportAccount: string | null;
  /** Its own personal access token, or null: the service's own credentials are used. */
  supportToken: string | null;
  supportServiceInstanceId: string | null;
  /** How often a linked request is polled, ms. */
  followUpIntervalMs: number;
}

/**
 * Break-fix in request mode: the account that reaches Xurrent's own support, where the worker
 * registers a linked request for each escalated incident and polls it until Xurrent completes it.
 * (XURRENT_ESCALATION_MODE itself lives in the workflow section.)
 */
const shape = {
  XURRENT_SUPPORT_ACCOUNT: optionalString(),
  XURRENT_SUPPORT_TOKEN: optionalString(),
  XURRENT_SUPPORT_SERVICE_INSTANCE_ID: optionalString(),
  XURRENT_FOLLOW_UP_INTERVAL: stringWithDefault('PT1H').transform((text, ctx) => {
    const ms = parseFollowUpIntervalMs(text);
    if (ms !== null) return ms;
    ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 duration of at least one minute, such as PT1H' });
    return z.NEVER;
  }),
};
type BreakFixEnv = FieldsOf<typeof shape> & Pick<SectionFields<typeof workflowEnvSection>, 'XURRENT_ESCALATION_MODE'>;

export const breakFixEnvSection = defineEnvSection({
  shape,
  check: (env, raw) =>
    raw['XURRENT_ESCALATION_MODE']?.trim() === 'request' && !env.XURRENT_SUPPORT_ACCOUNT
      ? [
          {
            key: 'XURRENT_SUPPORT_ACCOUNT',
            message: 'is required with XURRENT_ESCALATION_MODE=request (the account that reaches Xurrent support)',
          },
        ]
      : [],
  config: (env: BreakFixEnv): { breakFix: BreakFixConfig } => ({
    breakFix: {
      mode: env.XURRENT_ESCALATION_MODE,
      supportAccount: env.XURRENT_SUPPORT_ACCOUNT ?? null,
      supportToken: env.XURRENT_SUPPORT_TOKEN ?? null,
      supportServiceInstanceId: env.XURRENT_SUPPORT_SERVICE_INSTANCE_ID ?? null,
      followUpIntervalMs: env.XURRENT_FOLLOW_UP_INTERVAL,
    },
  }),
});
