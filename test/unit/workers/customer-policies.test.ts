import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createCustomerPolicies, createWorkflowPolicy } from '../../../workers/workflow-policy.js';

describe("CUSTOMER_SETTINGS: the locale of a customer's notes", () => {
  const config = loadConfig({
    XURRENT_ACCOUNT: 'provider',
    XURRENT_TOKEN: 'x'.repeat(32),
    SUPPORT_LOCALE: 'en',
    CUSTOMER_SETTINGS: 'acme: locale=nl',
  });
  const base = createWorkflowPolicy(config);
  const policyFor = createCustomerPolicies(base, {
    zone: config.sla.calendar.zone,
    locale: config.workflow.locale,
    customerSettings: config.reports.customerSettings,
    providerAccountId: 'provider',
  });
  const friday = Date.parse('2026-03-27T16:00:00Z');

  it("writes Acme's notes in Dutch (through the trust, or its requested-for person) and everyone else's in the global locale", () => {
    const acme = policyFor({ account: { id: 'acme', name: 'Acme' }, requestedFor: null });
    expect(acme.formatInstant(friday)).toMatch(/^vr /);
    expect(acme.firstLine?.completeness.language).toBe('nl');
    expect(policyFor({ account: { id: 'provider' }, requestedFor: { id: 'p1', account: { id: 'acme' } } })).toBe(acme);
    const other = policyFor({ account: { id: 'globex' }, requestedFor: null });
    expect(other).toBe(base);
    expect(other.formatInstant(friday)).toMatch(/^Fri /);
  });
});
