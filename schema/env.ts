import { z } from 'zod';
import { breakFixEnvSection } from './env/break-fix.js';
import { toBreakFixConfig } from './env/break-fix-config.js';
import { coreEnvSection } from './env/core.js';
import { httpEnvSection, toHttpLimits, toTrustProxy } from './env/http.js';
import { operationsEnvSection, toOperationsConfig } from './env/operations.js';
import type { EnvProblem } from './env/section.js';
import { problemsEnvSection } from './env/problems.js';
import { registrationEnvSection } from './env/registration.js';
import { toRegistrationConfig } from './env/registration-config.js';
import { resyncEnvSection, toResyncConfig } from './env/resync.js';
import { toProblemsConfig } from './env/problems-config.js';
import { redisEnvSection, sentinelTargetOf, toReplicaAck } from './env/redis.js';
import { reportsEnvSection } from './env/reports.js';
import { parseCustomerSettings, type CustomerSettings } from '../src/domain/reports/customer-settings.js';
import { slaEnvSection } from './env/sla.js';
import { toSlaConfig } from './env/sla-config.js';
import { workflowEnvSection } from './env/workflow.js';
import { toWorkflowConfig } from './env/workflow-config.js';
import { xurrentEnvSection } from './env/xurrent.js';
import { xurrentLimitsEnvSection } from './env/xurrent-limits.js';
import { toXurrentConfig } from './env/xurrent-config.js';
import { webhookEnvSection } from './env/webhooks.js';
import { toWebhookConfig } from './env/webhooks-config.js';

/**
 * Every environment variable the service reads, in one place. Sections live in `schema/env/`;
 * `.env.example` documents each variable with its default (a test keeps the two in step).
 */
export const ENV_SECTIONS = [coreEnvSection, redisEnvSection, httpEnvSection, xurrentEnvSection, xurrentLimitsEnvSection, webhookEnvSection, slaEnvSection, workflowEnvSection, breakFixEnvSection, problemsEnvSection, registrationEnvSection, operationsEnvSection, reportsEnvSection, resyncEnvSection] as const;

export const envShape = {
  ...coreEnvSection.shape,
  ...redisEnvSection.shape,
  ...httpEnvSection.shape,
  ...operationsEnvSection.shape,
  ...xurrentEnvSection.shape,
  ...xurrentLimitsEnvSection.shape,
  ...webhookEnvSection.shape,
  ...slaEnvSection.shape,
  ...workflowEnvSection.shape,
  ...breakFixEnvSection.shape,
  ...problemsEnvSection.shape,
  ...registrationEnvSection.shape,
  ...reportsEnvSection.shape,
  ...resyncEnvSection.shape,
};

export const EnvSchema = z.object(envShape);
export type Env = z.output<typeof EnvSchema>;
export type EnvVariable = keyof typeof envShape;

/** The typed configuration the rest of the service receives, grouped by concern. */
export function toConfig(env: Env) {
  return {
    env: env.NODE_ENV,
    log: { level: env.LOG_LEVEL },
    http: { host: env.HOST, port: env.PORT, limits: toHttpLimits(env), trustProxy: toTrustProxy(env) },
    redis: { url: env.REDIS_URL, sentinel: sentinelTargetOf(env), embedded: env.REDIS_EMBEDDED, embeddedDir: env.REDIS_EMBEDDED_DIR, replicaAck: toReplicaAck(env) },
    queue: { prefix: env.QUEUE_PREFIX, concurrency: env.WORKER_CONCURRENCY, lockMs: env.WORKER_LOCK_MS },
    shutdown: { timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
    operations: toOperationsConfig(env),
    xurrent: toXurrentConfig(env),
    xurrentLimits: {
      burstLimit: env.XURRENT_BURST_LIMIT,
      burstWindowMs: env.XURRENT_BURST_WINDOW_MS,
      requestReserve: env.XURRENT_REQUEST_RESERVE,
      costReserve: env.XURRENT_COST_RESERVE,
    },
    /** `auto`: outside production, without Xurrent credentials, run against the embedded simulator. */
    xurrentSimulator: env.XURRENT_SIMULATOR,
    webhooks: toWebhookConfig(env),
    sla: toSlaConfig(env),
    workflow: toWorkflowConfig(env),
    breakFix: toBreakFixConfig(env),
    problems: toProblemsConfig(env),
    registration: toRegistrationConfig(env),
    reports: {
      retentionDays: env.REPORT_RETENTION_DAYS,
      customerSettings: env.CUSTOMER_SETTINGS === undefined ? new Map() : (parseCustomerSettings(env.CUSTOMER_SETTINGS) as { ok: true; value: CustomerSettings }).value,
      availabilityGraceMs: env.AVAILABILITY_GRACE_SECONDS * 1000,
    },
    resync: toResyncConfig(env),
  };
}
export type Config = ReturnType<typeof toConfig>;

/** Every problem with the environment: per variable, then per section as a whole. */
export function findEnvProblems(raw: Record<string, string | undefined>): EnvProblem[] {
  const problems: EnvProblem[] = [];
  for (const section of ENV_SECTIONS) {
    const parsed = z.object(section.shape).safeParse(raw, { reportInput: false });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ key: issue.path.map(String).join('.'), message: describe(issue, raw) });
    } else if ('check' in section && section.check) {
      problems.push(...(section.check as (env: unknown, raw: Record<string, string | undefined>) => EnvProblem[])(parsed.data, raw));
    }
  }
  return problems;
}

function describe(issue: z.core.$ZodIssue, raw: Record<string, string | undefined>): string {
  const key = String(issue.path[0] ?? '');
  const given = raw[key];
  return given === undefined || given.trim() === '' ? 'is required' : issue.message;
}
