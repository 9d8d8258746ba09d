/**
 * What Xurrent says is left of a token's budgets after a call (docs/xurrent-api.md#rate-and-cost-limits): the hourly request
 * budget (`X-RateLimit-*`) and the hourly query-cost budget (`X-CostLimit-*`). Resets are epoch seconds.
 */
export interface XurrentBudget {
  requests?: { limit: number; remaining: number; resetAt: number };
  cost?: { limit: number; remaining: number; resetAt: number; lastCost: number };
}

interface HeaderSource {
  get(name: string): string | null;
}

const int = (headers: HeaderSource, name: string): number | undefined => {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
};

export function readBudget(headers: HeaderSource | undefined): XurrentBudget {
  if (!headers) return {};
  const budget: XurrentBudget = {};
  const [limit, remaining, resetAt] = ['limit', 'remaining', 'reset'].map((k) => int(headers, `x-ratelimit-${k}`));
  if (limit !== undefined && remaining !== undefined && resetAt !== undefined) budget.requests = { limit, remaining, resetAt };
  const [cLimit, cRemaining, cReset, cost] = ['limit', 'remaining', 'reset', 'cost'].map((k) => int(headers, `x-costlimit-${k}`));
  if (cLimit !== undefined && cRemaining !== undefined && cReset !== undefined) {
    budget.cost = { limit: cLimit, remaining: cRemaining, resetAt: cReset, lastCost: cost ?? 0 };
  }
  return budget;
}
