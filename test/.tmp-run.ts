import { readFileSync, writeFileSync } from 'node:fs';
import { runScenario } from '../src/scenario/run-scenario.js';
import { createLogger } from '../src/logger.js';
const names = process.argv.slice(2);
for (const name of names) {
  const scenario = JSON.parse(readFileSync(`/work/wt/sla/test/scenarios/${name}.json`, 'utf8'));
  const report = await runScenario(scenario, { redisUrl: 'redis://127.0.0.1:6379', logger: createLogger({ level: 'error', stream: process.stderr }) });
  writeFileSync(`/tmp/sla-actual-${name}.json`, JSON.stringify(report, null, 2));
}
process.exit(0);
