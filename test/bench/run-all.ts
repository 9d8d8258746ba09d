/** `npm run bench`: runs every test/bench/*.bench.ts with tsx, one after another. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
let failed = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.bench.ts')).sort()) {
  process.stdout.write(`\n=== ${file}\n`);
  const { status } = spawnSync('npx', ['tsx', `${dir}${file}`], { stdio: 'inherit' });
  if (status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
