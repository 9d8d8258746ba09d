import { PRIORITIES, type Priority } from '../sla/sla-policy.js';
/** Xurrent's request categories (RequestCategory) and impacts (RequestImpact). */
export const REQUEST_CATEGORIES = [
  'incident',
  'rfc',
  'rfi',
  'reservation',
  'order',
  'fulfillment',
  'complaint',
  'compliment',
  'other',
  'case',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const IMPACTS = ['low', 'medium', 'high', 'top'] as const;
export type Impact = (typeof IMPACTS)[number];

export { PRIORITIES, type Priority } from '../sla/sla-policy.js';

export function isImpact(value: unknown): value is Impact {
  return typeof value === 'string' && (IMPACTS as readonly string[]).includes(value);
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}
