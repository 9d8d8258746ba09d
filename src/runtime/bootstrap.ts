import { loadConfig, readEnvWithDotenv, type Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';

/**
 * Reads `.env` (if any) and the environment, and parses them once. A bad configuration ends the
 * process with exit code 1 and a list of every bad variable, before any port or Redis is opened.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): { config: Readonly<Config>; logger: Logger } {
  let config: Readonly<Config>;
  try {
    config = loadConfig(readEnvWithDotenv(env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.log.level });
  return { config, logger };
}

/** Says once, clearly, that Xurrent is not configured outside production. */
export function warnIfXurrentMissing(config: Config, logger: Logger): void {
  if (config.xurrent) return;
  logger.warn(
    'Xurrent is not configured (XURRENT_ACCOUNT with XURRENT_TOKEN or XURRENT_CLIENT_ID + XURRENT_CLIENT_SECRET): ' +
      'webhooks are accepted and queued, but no worker processes them until it is.',
    { component: 'main' },
  );
}

/**
 * Contract settings left unset, one line each naming the variable: the service runs without them,
 * but holds the contract less well than it could (§2.8 escalation persons, §3 scope, the calendar's holidays).
 */
export function contractSettingWarnings(config: Pick<Config, 'workflow' | 'sla' | 'registration'>): string[] {
  const warnings: string[] = [];
  if (!config.workflow.escalation.serviceSupportManagerId)
    warnings.push('ESCALATION_L1_PERSON_ID is unset: SLA escalations name no Service Support Manager (contract §2.8)');
  if (!config.workflow.escalation.ctoId) warnings.push('ESCALATION_L2_PERSON_ID is unset: second escalations name no CTO (contract §2.8)');
  if (config.workflow.slaServiceInstanceIds === null) {
    warnings.push(
      'SLA_SERVICE_INSTANCE_IDS is unset: every service instance except the Xurrent Service (XURRENT_SERVICE_INSTANCE_IDS) is held to the section 3 SLA, which the contract applies only to the IV Integratiedienst (§3)',
    );
  }
  if (config.sla.calendar.holidays.dates.length === 0 && config.sla.calendar.holidays.regions.length === 0) {
    warnings.push('SUPPORT_HOLIDAYS is unset: no holidays are taken out of support hours');
  }
  const { pause, pausePriorities } = config.registration.completeness;
  if (pause && pausePriorities.includes('top')) {
    warnings.push(
      'COMPLETENESS_PAUSE_PRIORITIES includes top: an incomplete Top incident is paused, against the contract reading that a service down for several users never waits for details (§3.2, docs/contract-reading.md)',
    );
  }
  return warnings;
}

/** Logs each contract setting left unset, once at start. */
export function warnContractSettings(config: Pick<Config, 'workflow' | 'sla' | 'registration'>, logger: Logger): void {
  for (const warning of contractSettingWarnings(config)) logger.warn(warning, { component: 'main' });
}
