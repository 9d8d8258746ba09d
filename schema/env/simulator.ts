import { enumWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/** Whether `npm start` outside production, without Xurrent credentials, falls back to the embedded simulator. */
export const simulatorEnvSection = defineEnvSection({
  shape: {
    XURRENT_SIMULATOR: enumWithDefault(['auto', 'off'] as const, 'auto'),
  },
  /** `auto`: outside production, without Xurrent credentials, run against the embedded simulator. */
  config: (env) => ({ xurrentSimulator: env.XURRENT_SIMULATOR }),
});
