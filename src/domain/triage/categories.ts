/** Xurrent's request categories (RequestCategory) and impacts (RequestImpact). */
export const REQUEST_CATEGORIES = ['incident', 'rfc', 'rfi', 'reservation', 'order', 'fulfillment', 'complaint', 'compliment', 'other', 'case'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const IMPACTS = ['low', 'medium', 'high', 'top'] as const;
export type Impact = (typeof IMPACTS)[number];

/** The contract's four incident priorities, highest first. */
export const PRIORITIES = ['top', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isImpact(value: unknown): value is Impact {
  return typeof value === 'string' && (IMPACTS as readonly string[]).includes(value);
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}
