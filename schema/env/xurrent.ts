import { intWithDefault, optionalString, optionalUrl, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';
import { checkXurrentEnv } from './xurrent-config.js';

/** Where Xurrent is and how this service authenticates to it. */
export const xurrentEnvShape = {
  XURRENT_ACCOUNT: optionalString(),
  XURRENT_DOMAIN: stringWithDefault('xurrent.com'),
  XURRENT_REGION: optionalString(),
  XURRENT_GRAPHQL_URL: optionalUrl(),
  XURRENT_TOKEN: optionalString(),
  XURRENT_CLIENT_ID: optionalString(),
  XURRENT_CLIENT_SECRET: optionalString(),
  XURRENT_TIMEOUT_MS: intWithDefault(10_000, { min: 100, max: 120_000 }),
  XURRENT_DEFAULT_RETRY_AFTER_MS: intWithDefault(60_000, { min: 1_000, max: 3_600_000 }),
};

export const xurrentEnvSection = defineEnvSection({
  shape: xurrentEnvShape,
  check: (env, raw) => checkXurrentEnv(env, raw['NODE_ENV'] === 'production'),
});
