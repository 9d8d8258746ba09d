import { z } from 'zod';
import { booleanWithDefault, enumWithDefault, intWithDefault, optionalString, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';
import { checkWebhookEnv, isDomainName, parseAlgorithmList, parsePublicKeys } from './webhooks-config.js';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** How webhook deliveries from Xurrent are authenticated, limited and deduplicated. */
export const webhookEnvShape = {
  WEBHOOK_MAX_BYTES: intWithDefault(262_144, { min: 1_024, max: 10_485_760 }),
  WEBHOOK_DEDUP_TTL_SECONDS: intWithDefault(8 * 24 * 60 * 60, { min: WEEK_SECONDS, max: 90 * 24 * 60 * 60 }),
  XURRENT_WEBHOOK_REQUIRE_SIGNATURE: booleanWithDefault(true),
  XURRENT_WEBHOOK_PUBLIC_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((text) => parsePublicKeys(text) !== undefined, 'must be one or more RSA or EC public keys in PEM form (-----BEGIN PUBLIC KEY-----)')
      .optional(),
  ),
  XURRENT_WEBHOOK_ALGORITHMS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('RS256')
      .refine((text) => parseAlgorithmList(text) !== undefined, 'must be a comma-separated list of RS256, RS384, RS512, ES256, ES384, ES512'),
  ),
  XURRENT_WEBHOOK_AUDIENCE: optionalString(),
  XURRENT_WEBHOOK_REQUIRE_EXP: booleanWithDefault(false),
  XURRENT_WEBHOOK_JWKS: enumWithDefault(['off', 'discover'], 'off'),
  XURRENT_WEBHOOK_DISCOVERY_PER_MINUTE: intWithDefault(10, { min: 1, max: 600 }),
  XURRENT_WEBHOOK_CALLBACK_DOMAINS: stringWithDefault('').refine(
    (text) => text.split(',').every((part) => part.trim() === '' || isDomainName(part.trim())),
    'must be a comma-separated list of domain names such as 4me.com (no scheme, port or IP address)',
  ),
  XURRENT_CUSTOMER_ACCOUNTS: stringWithDefault('').refine(
    (text) => text.split(',').every((part) => part.trim() === '' || /^[a-z0-9][a-z0-9-]{0,62}$/i.test(part.trim())),
    'must be a comma-separated list of Xurrent account ids',
  ),
};

export const webhookEnvSection = defineEnvSection({
  shape: webhookEnvShape,
  check: (env, raw) => checkWebhookEnv(env, raw),
});
