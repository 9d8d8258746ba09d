import { parseCustomerSettings } from '../../src/domain/reports/customer-settings.js';
import { intWithDefault, parsedBy, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/**
 * SLA reporting: how long the records behind the SLA review are kept, per-customer overrides of
 * the notes' locale and the deployment, and the grace below which a gap in the worker's own
 * heartbeats is no outage.
 */
export const reportsEnvSection = defineEnvSection({
  shape: {
    REPORT_RETENTION_DAYS: intWithDefault(400, { min: 1, max: 3_650 }),
    CUSTOMER_SETTINGS: stringWithDefault('').transform(parsedBy(parseCustomerSettings)),
    AVAILABILITY_GRACE_SECONDS: intWithDefault(120, { min: 0, max: 3_600 }),
  },
  config: (env) => ({
    reports: {
      retentionDays: env.REPORT_RETENTION_DAYS,
      customerSettings: env.CUSTOMER_SETTINGS,
      availabilityGraceMs: env.AVAILABILITY_GRACE_SECONDS * 1000,
    },
  }),
});
