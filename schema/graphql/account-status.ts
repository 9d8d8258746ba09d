import { z } from 'zod';

/** Who the token belongs to (used by `config-check` style probes). */
export const ME = /* GraphQL */ `
  query Me {
    me { id name primaryEmail }
  }
`;
export const MeResultSchema = z.object({ me: z.object({ id: z.string(), name: z.string().nullish(), primaryEmail: z.string().nullish() }).nullable() });

/** The query-cost budget in band (API-NOTES §2). */
export const RATE_LIMIT = /* GraphQL */ `
  query RateLimit {
    rateLimit { cost limit remaining resetAt }
  }
`;
export const RateLimitResultSchema = z.object({
  rateLimit: z.object({ cost: z.number().nullish(), limit: z.number().nullish(), remaining: z.number().nullish(), resetAt: z.number().nullish() }).nullable(),
});
