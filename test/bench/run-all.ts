import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBenchSummaries, type BenchSummary } from './bench-summary.js';

// Runs every test/bench/*.bench.ts in its own process, one after another, so they don't disturb each
// other. Each bench's own report goes through as it runs; its `BENCH {json}` line is collected for the
// one table printed at the end. `npm run bench -- pipeline` runs only the benches whose names start so.
const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

interface Outcome {
  file: string;
  code: number | null;
  seconds: number;
  summaries: BenchSummary[];
}

function runBench(file: string): Promise<Outcome> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  return new Promise((resolve) => {
    child.once('close', (code) =>
      resolve({ file, code, seconds: (performance.now() - began) / 1_000, summaries: parseBenchSummaries(output) }),
    );
  });
}

const began = performance.now();
const outcomes: Outcome[] = [];
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  outcomes.push(await runBench(file));
}
if (files.length === 0) process.stdout.write('no benchmarks found\n');

const rows = outcomes.flatMap(({ file, code, seconds, summaries }) => {
  const verdict = (ok: boolean) => (code !== 0 && ok ? 'exit ' + String(code) : ok ? 'meets' : 'MISSES');
  if (summaries.length === 0)
    return [{ bench: file, figure: '(no BENCH line)', value: '', targets: `exit ${String(code)}`, seconds: Math.round(seconds) }];
  return summaries.flatMap((s) =>
    Object.entries(s.figures).map(([figure, value], i) => ({
      bench: i === 0 ? s.bench : '',
      figure,
      value,
      targets: i === 0 ? verdict(s.ok) : '',
      seconds: i === 0 ? Math.round(seconds) : '',
    })),
  );
});
const total = (performance.now() - began) / 1_000;
process.stdout.write(`\n=== summary (${files.length} benches, ${(total / 60).toFixed(1)} min) ===\n`);
console.table(rows);
process.exitCode = outcomes.some((o) => o.code !== 0) ? 1 : 0;
