import { enumWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

/**
 * Whether `npm start` outside production, without Xurrent credentials, falls back to the embedded
 * simulator. Production never runs the simulator, so a simulator setting there is a mistake (the
 * operator expects something that will not happen): it is refused, whatever its value.
 */
export const simulatorEnvSection = defineEnvSection({
  shape: {
    XURRENT_SIMULATOR: enumWithDefault(['auto', 'off'] as const, 'auto'),
  },
  check: (_env, raw) =>
    raw['NODE_ENV'] === 'production' && (raw['XURRENT_SIMULATOR'] ?? '').trim() !== ''
      ? [{ key: 'XURRENT_SIMULATOR', message: 'must be unset in production: the simulator is a development tool and never runs there' }]
      : [],
  /** `auto`: outside production, without Xurrent credentials, run against the embedded simulator. */
  config: (env) => ({ xurrentSimulator: env.XURRENT_SIMULATOR }),
});
