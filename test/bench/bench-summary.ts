/**
 * The one line each benchmark prints for `npm run bench` to collect: `BENCH {"bench":…,"figures":…}`.
 * Figures are label → value (number or short text), `ok` says whether the bench met its targets.
 */
export const BENCH_LINE_PREFIX = 'BENCH ';

export interface BenchSummary {
  bench: string;
  ok: boolean;
  figures: Record<string, number | string>;
}

export function printBenchSummary(summary: BenchSummary): void {
  process.stdout.write(`${BENCH_LINE_PREFIX}${JSON.stringify(summary)}\n`);
}

/** The summaries found in a bench's output (its other lines are its own detailed report). */
export function parseBenchSummaries(output: string): BenchSummary[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(BENCH_LINE_PREFIX))
    .map((line) => JSON.parse(line.slice(BENCH_LINE_PREFIX.length)) as BenchSummary);
}
