import type { z } from 'zod';
import { parseFollowUpIntervalMs } from '../../src/domain/break-fix/follow-up-interval.js';
import { optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

function checkInterval(text: string, ctx: z.RefinementCtx) {
  if (parseFollowUpIntervalMs(text) === null) ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 duration of at least one minute, such as PT1H' });
}

/**
 * Break-fix in request mode: the account that reaches Xurrent's own support, where the worker
 * registers a linked request for each escalated incident and polls it until Xurrent completes it.
 * (XURRENT_ESCALATION_MODE itself lives in the workflow section.)
 */
export const breakFixEnvShape = {
  XURRENT_SUPPORT_ACCOUNT: optionalString(),
  XURRENT_SUPPORT_TOKEN: optionalString(),
  XURRENT_SUPPORT_SERVICE_INSTANCE_ID: optionalString(),
  XURRENT_FOLLOW_UP_INTERVAL: stringWithDefault('PT1H').superRefine(checkInterval),
};

export const breakFixEnvSection = defineEnvSection({
  shape: breakFixEnvShape,
  check: (env, raw) =>
    raw['XURRENT_ESCALATION_MODE']?.trim() === 'request' && !env.XURRENT_SUPPORT_ACCOUNT
      ? [{ key: 'XURRENT_SUPPORT_ACCOUNT', message: 'is required with XURRENT_ESCALATION_MODE=request (the account that reaches Xurrent support)' }]
      : [],
});
