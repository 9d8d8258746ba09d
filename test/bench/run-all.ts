import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Runs every `test/bench/*.bench.ts` in its own process (so one cannot warm up another), in turn. */
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(benchDir).filter((name) => name.endsWith('.bench.ts')).sort();
let failed = 0;
for (const name of files) {
  process.stdout.write(`\n== ${name}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(name, import.meta.url))], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
