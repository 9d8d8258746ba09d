import { parseFollowUpIntervalMs } from '../../src/domain/break-fix/follow-up-interval.js';
import type { breakFixEnvShape } from './break-fix.js';
import type { EnvOf } from './fields.js';

type BreakFixEnv = EnvOf<typeof breakFixEnvShape> & { XURRENT_ESCALATION_MODE: 'supplier' | 'request' };

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

export function toBreakFixConfig(env: BreakFixEnv): BreakFixConfig {
  return {
    mode: env.XURRENT_ESCALATION_MODE,
    supportAccount: env.XURRENT_SUPPORT_ACCOUNT ?? null,
    supportToken: env.XURRENT_SUPPORT_TOKEN ?? null,
    supportServiceInstanceId: env.XURRENT_SUPPORT_SERVICE_INSTANCE_ID ?? null,
    // The schema has checked the interval; the fallback is only reached for text it refused.
    followUpIntervalMs: parseFollowUpIntervalMs(env.XURRENT_FOLLOW_UP_INTERVAL) ?? 3_600_000,
  };
}
