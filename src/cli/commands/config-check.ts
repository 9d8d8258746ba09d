import { loadConfig, readEnvWithDotenv } from '../../config.js';
import { ConfigError } from '../../errors.js';
import type { CliCommand } from '../command.js';

/** `config check`: validates the environment (and .env) the way the service would at start. */
export const configCheckCommand: CliCommand = {
  path: ['config', 'check'],
  summary: 'validate the configuration and list every bad variable',
  async run(_args, io) {
    try {
      const config = loadConfig(readEnvWithDotenv(io.env));
      const simulated = !config.xurrent && config.env !== 'production' && config.xurrentSimulator === 'auto';
      const xurrent = config.xurrent ? 'configured' : simulated ? 'embedded simulator (npm start)' : 'not configured';
      io.stdout.write(`${JSON.stringify({ ok: true, env: config.env, xurrent })}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
  },
};
