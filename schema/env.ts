import type { z } from 'zod';
import { breakFixEnvSection } from './env/break-fix.js';
import { coreEnvSection } from './env/core.js';
import { httpEnvSection } from './env/http.js';
import { operationsEnvSection } from './env/operations.js';
import { problemsEnvSection } from './env/problems.js';
import { redisEnvSection } from './env/redis.js';
import { redisSentinelsEnvSection } from './env/redis-sentinels.js';
import { registrationEnvSection } from './env/registration.js';
import { reportsEnvSection } from './env/reports.js';
import { resyncEnvSection } from './env/resync.js';
import type { EnvProblem, RawEnv } from './env/section.js';
import { simulatorEnvSection } from './env/simulator.js';
import { slaEnvSection } from './env/sla.js';
import { webhookEnvSection } from './env/webhooks.js';
import { workflowEnvSection } from './env/workflow.js';
import { xurrentEnvSection } from './env/xurrent.js';
import { xurrentLimitsEnvSection } from './env/xurrent-limits.js';

/**
 * Every section of the environment, in the order its problems are reported. The variables, the
 * typed configuration and `Config` all derive from this list; `.env.example` documents each variable
 * with its default (a test keeps the two in step, another that every section is listed here).
 */
export const ENV_SECTIONS = [
  coreEnvSection,
  redisSentinelsEnvSection,
  redisEnvSection,
  httpEnvSection,
  xurrentEnvSection,
  xurrentLimitsEnvSection,
  simulatorEnvSection,
  webhookEnvSection,
  slaEnvSection,
  workflowEnvSection,
  breakFixEnvSection,
  problemsEnvSection,
  registrationEnvSection,
  operationsEnvSection,
  reportsEnvSection,
  resyncEnvSection,
] as const;

type Section = (typeof ENV_SECTIONS)[number];
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
type EnvShape = Intersection<Section['shape']>;

/** Every variable the service reads, with its field (for `.env.example`'s test). */
export const envShape = Object.assign({}, ...ENV_SECTIONS.map((section) => section.shape)) as EnvShape;
export type EnvVariable = keyof EnvShape;
/** Every variable's typed value. */
export type Env = z.output<z.ZodObject<EnvShape>>;

/** The typed configuration the rest of the service receives, grouped by concern: each section's part. */
export type Config = { [K in keyof Intersection<ReturnType<Section['config']>>]: Intersection<ReturnType<Section['config']>>[K] };

/**
 * The configuration, or every problem with the environment at once: per variable, then per section
 * as a whole. Each variable is parsed once, by its section's field.
 */
export function parseConfig(raw: RawEnv): { ok: true; config: Config } | { ok: false; problems: EnvProblem[] } {
  const problems: EnvProblem[] = [];
  const fields: Record<string, unknown> = {};
  for (const section of ENV_SECTIONS) {
    const result = section.read(raw);
    if (result.ok) Object.assign(fields, result.fields);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const env = fields as Env;
  return { ok: true, config: Object.assign({}, ...ENV_SECTIONS.map((section) => section.config(env))) as Config };
}
