import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

/** The problems `loadConfig` reports for an environment (`KEY: message`), or none. */
export function configProblemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
