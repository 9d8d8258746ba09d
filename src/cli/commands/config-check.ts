import { defineCommand } from '../command.js';

/** `config check`: validates the environment (and .env) the way the service would at start. */
export const configCheckCommand = defineCommand({
  path: ['config', 'check'],
  summary: 'validate the configuration and list every bad variable',
  flags: {},
  notes: ['Reads the environment and .env like the service; prints {"ok":true,...} or every bad variable (exit 1).'],
  async run(_flags, io) {
    const [{ loadConfig, readEnvWithDotenv }, { ConfigError }] = await Promise.all([import('../../config.js'), import('../../errors.js')]);
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
});
