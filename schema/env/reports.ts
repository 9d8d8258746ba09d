import { intWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/** SLA reporting: how long the records behind the SLA review are kept. */
export const reportsEnvShape = {
  REPORT_RETENTION_DAYS: intWithDefault(400, { min: 1, max: 3_650 }),
};

export const reportsEnvSection = defineEnvSection({ shape: reportsEnvShape });
