import { Duration } from 'luxon';
import type { z } from 'zod';
import { optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/** A poll more often than once a minute would spend the hourly request budget on one incident. */
const MIN_INTERVAL_MS = 60_000;

function checkInterval(text: string, ctx: z.RefinementCtx) {
  const duration = Duration.fromISO(text);
  if (!duration.isValid || duration.toMillis() < MIN_INTERVAL_MS) ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 duration of at least one minute, such as PT1H' });
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
