import { describe, expect, it } from 'vitest';
import { parseCustomerSettings, settingsFor } from '../../../../../src/domain/reports/customer-settings.js';

describe('CUSTOMER_SETTINGS', () => {
  it('reads per-customer locale and deployment, keyed by account id or name', () => {
    const result = parseCustomerSettings('acme: locale=nl, deployment=on_premise; Globex Corp: deployment=cloud');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const global = { locale: 'en' as const, deployment: 'cloud' as const, other: 1 };
    expect(settingsFor(global, result.value, { id: 'acme', name: 'Acme' })).toEqual({ locale: 'nl', deployment: 'on_premise', other: 1 });
    expect(settingsFor(global, result.value, { id: 'globex', name: 'globex corp' })).toEqual(global);
    // Not listed, or not known: the global settings.
    expect(settingsFor(global, result.value, { id: 'initech', name: null })).toEqual(global);
    expect(settingsFor(global, result.value, null)).toEqual(global);
  });

  it.each([
    ['acme locale=nl', 'must be <customer>'],
    ['acme: locale=fr', 'locale must be one of en, nl'],
    ['acme: deployment=hybrid', 'deployment must be one of cloud, on_premise'],
    ['acme: colour=red', 'unknown key "colour"'],
    ['acme: locale=nl; ACME: deployment=cloud', 'acme is given twice'],
    ['acme:', 'no setting given'],
  ])('refuses %j naming the fault', (text, fault) => {
    const result = parseCustomerSettings(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(fault);
  });
});
