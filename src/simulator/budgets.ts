/**
 * Xurrent's limits as the simulator enforces them, per token (docs/xurrent-api.md#rate-and-cost-limits): a short burst window
 * (20 requests per 2 s), an hourly request budget and an hourly query-cost budget.
 */
export interface BudgetSettings {
  burstLimit: number;
  burstWindowMs: number;
  hourlyRequests: number;
  hourlyCost: number;
}

export const XURRENT_BUDGETS: BudgetSettings = { burstLimit: 20, burstWindowMs: 2_000, hourlyRequests: 3_600, hourlyCost: 5_000 };

export interface BudgetVerdict {
  allowed: boolean;
  /** Seconds until a refused call may be tried again. */
  retryAfterSeconds: number;
  headers: Record<string, string>;
  rateLimit: { cost: number; limit: number; remaining: number; resetAt: number };
}

interface TokenUsage {
  arrivals: number[];
  hourStart: number;
  requests: number;
  cost: number;
}

export function createBudgets(settings: BudgetSettings, now: () => number = Date.now) {
  const usage = new Map<string, TokenUsage>();
  const usageOf = (token: string, at: number): TokenUsage => {
    let u = usage.get(token);
    if (!u || at - u.hourStart >= 3_600_000) {
      u = { arrivals: u?.arrivals ?? [], hourStart: at, requests: 0, cost: 0 };
      usage.set(token, u);
    }
    return u;
  };

  return {
    /** Counts one arriving call of `cost` points and says whether it may run. */
    charge(token: string, cost: number): BudgetVerdict {
      const at = now();
      const u = usageOf(token, at);
      u.arrivals = u.arrivals.filter((t) => t > at - settings.burstWindowMs);
      const resetAt = Math.ceil((u.hourStart + 3_600_000) / 1000);
      const burstFull = u.arrivals.length >= settings.burstLimit;
      const hourlyFull = u.requests >= settings.hourlyRequests || u.cost + cost > settings.hourlyCost;
      u.arrivals.push(at);
      const allowed = !burstFull && !hourlyFull;
      if (allowed) {
        u.requests += 1;
        u.cost += cost;
      }
      const retryAfterSeconds = hourlyFull
        ? Math.max(1, resetAt - Math.floor(at / 1000))
        : Math.max(1, Math.ceil(((u.arrivals[0] ?? at) + settings.burstWindowMs - at) / 1000));
      const rateLimit = {
        cost: allowed ? cost : 0,
        limit: settings.hourlyCost,
        remaining: Math.max(0, settings.hourlyCost - u.cost),
        resetAt,
      };
      return {
        allowed,
        retryAfterSeconds,
        rateLimit,
        headers: {
          'X-RateLimit-Limit': String(settings.hourlyRequests),
          'X-RateLimit-Remaining': String(Math.max(0, settings.hourlyRequests - u.requests)),
          'X-RateLimit-Reset': String(resetAt),
          'X-CostLimit-Limit': String(settings.hourlyCost),
          'X-CostLimit-Cost': String(rateLimit.cost),
          'X-CostLimit-Remaining': String(rateLimit.remaining),
          'X-CostLimit-Reset': String(resetAt),
        },
      };
    },
  };
}
