import { readFile } from 'node:fs/promises';
import { createLogger } from './logger.js';
import { runScenario } from './scenario/run-scenario.js';
import { ScenarioError } from './scenario/scenario-schema.js';
import { printableReport } from './scenario/print-report.js';

/**
 * `npm run --silent simulate -- <scenario.json> [--review]`: runs a scenario through the real
 * pipeline on a virtual clock and prints its JSON report on stdout (logs go to stderr); `--review`
 * adds `review`, the SLA report JSON of the scenario's whole period. Exit 2 for a scenario that
 * cannot run as written (the message names the field), 1 when the run itself fails.
 */
const args = process.argv.slice(2);
const review = args.includes('--review');
const unknownFlag = args.find((a) => a.startsWith('--') && a !== '--review');
const [path] = args.filter((a) => !a.startsWith('--'));
const fail = (code: number, message: string) => {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(code);
};
if (unknownFlag) fail(2, `unknown flag ${unknownFlag}; usage: npm run --silent simulate -- <scenario.json> [--review]`);
if (!path) fail(2, 'usage: npm run --silent simulate -- <scenario.json> [--review]');

let input: unknown;
try {
  input = JSON.parse(await readFile(path as string, 'utf8'));
} catch (error) {
  fail(2, `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
}

try {
  const report = await runScenario(input, {
    logger: createLogger({ level: 'warn', stream: process.stderr }),
    review,
    ...(process.env['REDIS_URL'] ? { redisUrl: process.env['REDIS_URL'] } : {}),
  });
  process.stdout.write(`${JSON.stringify(printableReport(report), null, 2)}\n`);
  process.exit(0);
} catch (error) {
  if (error instanceof ScenarioError) fail(2, error.message);
  fail(1, error instanceof Error ? (error.stack ?? error.message) : String(error));
}
