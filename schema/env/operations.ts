import { z } from 'zod';
import { blankToUndefined, enumWithDefault, intWithDefault, optionalString } from './fields.js';
import { defineEnvSection, type EnvProblem, type FieldsOf } from './section.js';

/** Operator surface: admin credentials, metrics, availability heartbeats and the hosting model. */
const shape = {
  ADMIN_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  ADMIN_USER: optionalString(),
  ADMIN_PASSWORD: z.preprocess(blankToUndefined, z.string().min(12, 'must be at least 12 characters').optional()),
  METRICS_PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a port number')
      .min(0, 'must be at least 0')
      .max(65535, 'must be at most 65535')
      .optional(),
  ),
  ADMIN_LOGIN_MAX_FAILURES: intWithDefault(10, { min: 1, max: 1_000 }),
  ADMIN_LOGIN_WINDOW_SECONDS: intWithDefault(60, { min: 1, max: 86_400 }),
  HEALTH_SAMPLE_SECONDS: intWithDefault(30, { min: 5, max: 300 }),
  DEPLOYMENT: enumWithDefault(['cloud', 'on_premise'], 'cloud'),
};

export interface AdminCredentials {
  token: string | undefined;
  basic: { user: string; password: string } | undefined;
}

function toOperationsConfig(env: FieldsOf<typeof shape>) {
  const admin: AdminCredentials = {
    token: env.ADMIN_TOKEN,
    basic:
      env.ADMIN_USER !== undefined && env.ADMIN_PASSWORD !== undefined ? { user: env.ADMIN_USER, password: env.ADMIN_PASSWORD } : undefined,
  };
  return {
    admin,
    /** Failed admin logins allowed per client address and window, before 429 for a window. */
    loginThrottle: { maxFailures: env.ADMIN_LOGIN_MAX_FAILURES, windowMs: env.ADMIN_LOGIN_WINDOW_SECONDS * 1000 },
    /** Worker-side metrics port; unset: a worker-only process serves no /metrics. */
    metricsPort: env.METRICS_PORT,
    healthSampleSeconds: env.HEALTH_SAMPLE_SECONDS,
    deployment: env.DEPLOYMENT,
  };
}
export type OperationsConfig = ReturnType<typeof toOperationsConfig>;

export const operationsEnvSection = defineEnvSection({
  shape,
  check: (env): EnvProblem[] => {
    // A user without a password (or the reverse) would silently leave basic auth off: say so.
    if ((env.ADMIN_USER === undefined) === (env.ADMIN_PASSWORD === undefined)) return [];
    const key = env.ADMIN_USER === undefined ? 'ADMIN_USER' : 'ADMIN_PASSWORD';
    return [{ key, message: 'is required when the other of ADMIN_USER / ADMIN_PASSWORD is set' }];
  },
  config: (env) => ({ operations: toOperationsConfig(env) }),
});
