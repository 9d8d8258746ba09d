import { failed, parsed, type ParseResult } from '../parse-result.js';
import type { Deployment } from './availability-targets.js';
import type { ReportCustomer } from './sla-record.js';

export const NOTE_LOCALES = ['en', 'nl'] as const;
export type NoteLocale = (typeof NOTE_LOCALES)[number];
const DEPLOYMENTS: readonly Deployment[] = ['cloud', 'on_premise'];

/** One customer's overrides of the global settings; absent: the global value. */
export interface CustomerOverrides {
  /** The language of the worker's notes on that customer's requests (`SUPPORT_LOCALE` otherwise). */
  locale?: NoteLocale;
  /** Where that customer's IV Integratiedienst runs (§3.1 targets differ; `DEPLOYMENT` otherwise). */
  deployment?: Deployment;
}

/** Overrides by customer key: an account id, or a customer name (matched ignoring case). */
export type CustomerSettings = ReadonlyMap<string, CustomerOverrides>;

/**
 * Parses `CUSTOMER_SETTINGS`: `<customer>: <key>=<value>[, <key>=<value>]` separated by `;`, the
 * customer an account id or name, keys `locale` (en|nl) and `deployment` (cloud|on_premise), e.g.
 * `acme: locale=nl, deployment=on_premise; globex: deployment=cloud`. Empty: no overrides.
 */
export function parseCustomerSettings(text: string): ParseResult<CustomerSettings> {
  const settings = new Map<string, CustomerOverrides>();
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const colon = part.indexOf(':');
    const customer = colon < 0 ? '' : part.slice(0, colon).trim().toLowerCase();
    if (customer === '') return failed(`"${part}" must be <customer>: <key>=<value>, …`);
    if (settings.has(customer)) return failed(`${customer} is given twice`);
    const overrides: CustomerOverrides = {};
    for (const pair of part
      .slice(colon + 1)
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const [key = '', value = '', extra] = pair.split('=').map((s) => s.trim());
      if (extra !== undefined) return failed(`${customer}: "${pair}" must be <key>=<value>`);
      if (key === 'locale') {
        if (!(NOTE_LOCALES as readonly string[]).includes(value))
          return failed(`${customer}: locale must be one of ${NOTE_LOCALES.join(', ')}`);
        overrides.locale = value as NoteLocale;
      } else if (key === 'deployment') {
        if (!(DEPLOYMENTS as readonly string[]).includes(value))
          return failed(`${customer}: deployment must be one of ${DEPLOYMENTS.join(', ')}`);
        overrides.deployment = value as Deployment;
      } else return failed(`${customer}: unknown key "${key}" (locale, deployment)`);
    }
    if (Object.keys(overrides).length === 0) return failed(`${customer}: no setting given`);
    settings.set(customer, overrides);
  }
  return parsed(settings);
}

/** A customer's settings: its overrides (by account id, else by name) over the global ones. */
export function settingsFor<T extends { locale: NoteLocale; deployment: Deployment }>(
  global: T,
  settings: CustomerSettings,
  customer: ReportCustomer | null,
): T {
  if (customer === null) return global;
  const overrides =
    settings.get(customer.id.toLowerCase()) ?? (customer.name ? settings.get(customer.name.toLowerCase()) : undefined) ?? {};
  return { ...global, ...overrides };
}
