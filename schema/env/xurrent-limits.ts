import { intWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/** How hard this service may use its Xurrent token (docs/xurrent-api.md#rate-and-cost-limits). */
export const xurrentLimitsEnvSection = defineEnvSection({
  shape: {
    XURRENT_BURST_LIMIT: intWithDefault(18, { min: 1, max: 100 }),
    XURRENT_BURST_WINDOW_MS: intWithDefault(2_500, { min: 500, max: 60_000 }),
    XURRENT_REQUEST_RESERVE: intWithDefault(10, { min: 0, max: 100_000 }),
    XURRENT_COST_RESERVE: intWithDefault(100, { min: 0, max: 1_000_000 }),
  },
  config: (env) => ({
    xurrentLimits: {
      burstLimit: env.XURRENT_BURST_LIMIT,
      burstWindowMs: env.XURRENT_BURST_WINDOW_MS,
      requestReserve: env.XURRENT_REQUEST_RESERVE,
      costReserve: env.XURRENT_COST_RESERVE,
    },
  }),
});
