import type { CliCommand } from '../command.js';
import { configCheckCommand } from './config-check.js';

/** Every command of `npm run cli`; each lives in its own file. */
export const COMMANDS: readonly CliCommand[] = [configCheckCommand];
