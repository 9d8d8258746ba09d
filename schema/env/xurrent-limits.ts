import { enumWithDefault, intWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/**
 * How hard this service may use its Xurrent token (docs/xurrent-api.md#rate-and-cost-limits), and whether to fall back to the
 * embedded simulator when no Xurrent credentials are set (never in production).
 */
export const xurrentLimitsEnvShape = {
  XURRENT_BURST_LIMIT: intWithDefault(18, { min: 1, max: 100 }),
  XURRENT_BURST_WINDOW_MS: intWithDefault(2_500, { min: 500, max: 60_000 }),
  XURRENT_REQUEST_RESERVE: intWithDefault(10, { min: 0, max: 100_000 }),
  XURRENT_COST_RESERVE: intWithDefault(100, { min: 0, max: 1_000_000 }),
  XURRENT_SIMULATOR: enumWithDefault(['auto', 'off'] as const, 'auto'),
};

export const xurrentLimitsEnvSection = defineEnvSection({ shape: xurrentLimitsEnvShape });
