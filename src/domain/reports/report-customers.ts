import type { ReportCustomer } from './sla-record.js';

/** A customer's key for grouping and sorting: its id; '' for the unknown customer. */
export const customerKey = (customer: ReportCustomer | null): string => customer?.id ?? '';

/** The same customer: same account id. */
export function matchesCustomer(customer: ReportCustomer | null, wanted: ReportCustomer): boolean {
  return customer !== null && customer.id === wanted.id;
}

/** Every distinct known customer of some requests, by id, sorted by name then id. */
export function customersOf(requests: readonly { customer?: ReportCustomer | null | undefined }[]): ReportCustomer[] {
  const byId = new Map<string, ReportCustomer>();
  for (const { customer } of requests)
    if (customer && (!byId.has(customer.id) || byId.get(customer.id)?.name === null)) byId.set(customer.id, customer);
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

interface AccountRef {
  id: string;
  name?: string | null | undefined;
}

/**
 * The customer a request is for (§2.6), from Xurrent's own fields: the account the request lives
 * in (`Request.account`) when that is not the provider's own, i.e. it came through the trust;
 * else the account of its requested-for person (`Person.account`: a provider agent registering a
 * customer's call in the provider's account); else null (the provider's own people, or not known).
 * `Request.organization` is not used: it is an organization inside one account's directory, not
 * the contracting party (see docs/reporting.md).
 */
export function customerOfRequest(
  request: { account?: AccountRef | null | undefined; requestedFor?: { account?: AccountRef | null | undefined } | null | undefined },
  providerAccountId: string | null,
): ReportCustomer | null {
  const own = (account: AccountRef | null | undefined): account is AccountRef =>
    !!account && account.id !== '' && account.id !== providerAccountId;
  const account = own(request.account) ? request.account : own(request.requestedFor?.account) ? request.requestedFor?.account : null;
  return account ? { id: account.id, name: account.name ?? null } : null;
}
