import { z } from 'zod';

/** The query-cost budget in band (docs/xurrent-api.md#rate-and-cost-limits). */
export const RATE_LIMIT = /* GraphQL */ `
  query RateLimit {
    rateLimit {
      cost
      limit
      remaining
      resetAt
    }
  }
`;
export const RateLimitResultSchema = z.object({
  rateLimit: z
    .object({ cost: z.number().nullish(), limit: z.number().nullish(), remaining: z.number().nullish(), resetAt: z.number().nullish() })
    .nullable(),
});
