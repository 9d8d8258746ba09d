import type { ReportCustomer } from './sla-record.js';

/** A customer's key for grouping and sorting: its id; '' for the unknown customer. */
export const customerKey = (customer: ReportCustomer | null): string => customer?.id ?? '';

/** The same customer: same account id. */
export function matchesCustomer(customer: ReportCustomer | null, wanted: ReportCustomer): boolean {
  return customer !== null && customer.id === wanted.id;
}

/** Every distinct known customer of some requests, by id, sorted by name then id. */
export function customersOf(requests: readonly { customer?: ReportCustomer | null }[]): ReportCustomer[] {
  const byId = new Map<string, ReportCustomer>();
  for (const { customer } of requests) if (customer && (!byId.has(customer.id) || byId.get(customer.id)?.name === null)) byId.set(customer.id, customer);
  return [...byId.values()].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id));
}

/**
 * The customer a caller named (`--customer`, `?customer=`): by account id exactly, else by name
 * ignoring case. Null when none matches (the caller answers with the known customers).
 */
export function findCustomer(known: readonly ReportCustomer[], text: string): ReportCustomer | null {
  const wanted = text.trim();
  return known.find((c) => c.id === wanted) ?? known.find((c) => c.name !== null && c.name.toLowerCase() === wanted.toLowerCase()) ?? null;
}
