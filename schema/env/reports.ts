import { parseCustomerSettings } from '../../src/domain/reports/customer-settings.js';
import { intWithDefault, optionalString } from './fields.js';
import { defineEnvSection } from './section.js';

/**
 * SLA reporting: how long the records behind the SLA review are kept, per-customer overrides of
 * the notes' locale and the deployment, and the grace below which a gap in the worker's own
 * heartbeats is no outage.
 */
export const reportsEnvShape = {
  REPORT_RETENTION_DAYS: intWithDefault(400, { min: 1, max: 3_650 }),
  CUSTOMER_SETTINGS: optionalString().superRefine((text, ctx) => {
    if (text === undefined) return;
    const result = parseCustomerSettings(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
  }),
  AVAILABILITY_GRACE_SECONDS: intWithDefault(120, { min: 0, max: 3_600 }),
};

export const reportsEnvSection = defineEnvSection({ shape: reportsEnvShape });
