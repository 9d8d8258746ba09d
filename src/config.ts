import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { parseConfig, type Config } from '../schema/env.js';
import { ConfigError } from './errors.js';

export type { Config } from '../schema/env.js';

type RawEnv = Record<string, string | undefined>;

/**
 * Parses the environment once into a frozen, typed configuration, or throws a ConfigError naming
 * every bad or missing variable and why (never its value: it may be a secret).
 */
export function loadConfig(env: RawEnv = process.env): Readonly<Config> {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new ConfigError(parsed.problems.map((p) => `${p.key}: ${p.message}`));
  return deepFreeze(parsed.config);
}

/** Variables from `.env` (when present) under those already in the environment, which win. */
export function readEnvWithDotenv(env: RawEnv = process.env, path = '.env'): RawEnv {
  if (!existsSync(path)) return env;
  return { ...parseEnv(readFileSync(path, 'utf8')), ...env };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
