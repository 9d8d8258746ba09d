import type { SlaConfig } from '../../../schema/env/sla.js';
import { loadConfig, readEnvWithDotenv } from '../../config.js';
import { ConfigError } from '../../errors.js';
import { UsageError } from '../command.js';

/** The configured SLA settings; a bad configuration is a usage error (exit 2) naming the variable. */
export function loadSlaConfig(env: Record<string, string | undefined>): SlaConfig {
  try {
    return loadConfig(readEnvWithDotenv(env)).sla;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}
