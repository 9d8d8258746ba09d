import type { CliCommand } from '../command.js';
import { businessTimeAddCommand } from './business-time-add.js';
import { businessTimeBetweenCommand } from './business-time-between.js';
import { configCheckCommand } from './config-check.js';
import { jobsRetryFailedCommand } from './jobs-retry-failed.js';
import { jobsStatsCommand } from './jobs-stats.js';
import { privacyForgetCommand } from './privacy-forget.js';
import { reportAvailabilityCommand } from './report-availability.js';
import { reportSlaCommand } from './report-sla.js';
import { resyncCommand } from './resync.js';
import { slaTargetsCommand } from './sla-targets.js';

/** Every command of `npm run cli`; each lives in its own file. */
export const COMMANDS: readonly CliCommand[] = [
  configCheckCommand,
  businessTimeAddCommand,
  businessTimeBetweenCommand,
  slaTargetsCommand,
  reportSlaCommand,
  reportAvailabilityCommand,
  jobsStatsCommand,
  jobsRetryFailedCommand,
  resyncCommand,
  privacyForgetCommand,
];
