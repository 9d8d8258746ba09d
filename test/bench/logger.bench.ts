import { Writable } from 'node:stream';
import winston from 'winston';
import { createLogger } from '../../src/logger.js';
import { redactSecrets } from '../../src/redact.js';
import { printBenchSummary } from './bench-summary.js';

/**
 * What a log line below the level costs: our logger (createLogger) against plain winston with the
 * same format chain and level (the baseline), which formats every line and drops it at the transport.
 * Every `debug` line is of this kind at the default LOG_LEVEL=info, and the per-job `info` lines too
 * at `warn`. Written lines are measured too: dropping early must not make them dearer.
 * `CALLS` (default 200 000) per round, 7 rounds interleaved.
 */
const CALLS = Number(process.env['CALLS'] ?? 200_000);
const ROUNDS = 7;

const sink = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

function plainWinston(): winston.Logger {
  return winston.createLogger({
    level: 'error',
    format: winston.format.combine(
      winston.format.errors({ stack: true }),
      winston.format((info) => redactSecrets(info) as winston.Logform.TransformableInfo)(),
      winston.format.timestamp({ alias: 'time' }),
      winston.format((info) => {
        delete info['timestamp'];
        return info;
      })(),
      winston.format.json(),
    ),
    transports: [new winston.transports.Stream({ stream: sink() })],
  });
}

type Line = (i: number) => void;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function timeRound(line: Line, calls: number): number {
  const began = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) line(i);
  return Number(process.hrtime.bigint() - began) / calls;
}

/**
 * ns per call of each, rounds interleaved (ours, then winston, then ours…) so a change in the
 * machine's load hits both alike; the ratio is the median of the rounds' ratios.
 */
function compare(ours: Line, plain: Line, calls: number): { ours: number; plain: number; ratio: number } {
  for (let i = 0; i < calls / 10; i += 1) {
    ours(i);
    plain(i);
  }
  const rounds = Array.from({ length: ROUNDS }, () => {
    const o = timeRound(ours, calls);
    const p = timeRound(plain, calls);
    return { o, p };
  });
  return { ours: median(rounds.map((r) => r.o)), plain: median(rounds.map((r) => r.p)), ratio: median(rounds.map((r) => r.o / r.p)) };
}

const ours = createLogger({ level: 'error', stream: sink() }).child({ component: 'bench', jobId: '42' });
const plain = plainWinston().child({ component: 'bench', jobId: '42' });
const meta = (i: number) => ({ requestNodeId: 'UmVxdWVzdC8x', attempt: i });

const rows = {
  'debug line at LOG_LEVEL=error (dropped)': compare(
    (i) => ours.debug('reconcile planned', meta(i)),
    (i) => plain.debug('reconcile planned', meta(i)),
    CALLS,
  ),
  "log('info', …) at LOG_LEVEL=error (dropped)": compare(
    (i) => ours.log('info', 'delivery accepted', meta(i)),
    (i) => plain.log('info', 'delivery accepted', meta(i)),
    CALLS,
  ),
  'error line (written)': compare(
    (i) => ours.error('job failed', meta(i)),
    (i) => plain.error('job failed', meta(i)),
    CALLS / 10,
  ),
};

console.log(
  `ns per call, median of ${ROUNDS} rounds of ${CALLS} calls (written lines: ${CALLS / 10}); baseline: plain winston, same formats`,
);
console.table(
  Object.fromEntries(
    Object.entries(rows).map(([label, { ours: o, plain: p, ratio }]) => [
      label,
      { 'ours ns': Math.round(o), 'winston ns': Math.round(p), 'ours / winston': Number(ratio.toFixed(3)) },
    ]),
  ),
);
const dropped = rows['debug line at LOG_LEVEL=error (dropped)'];
const written = rows['error line (written)'];
// Targets: a dropped line at most a tenth of winston's cost; a written one no dearer beyond this host's noise (±15 %).
const ok = dropped.ratio <= 0.1 && written.ratio <= 1.15;
printBenchSummary({
  bench: 'logger',
  ok,
  figures: {
    'dropped debug line: ns': Math.round(dropped.ours),
    'dropped debug line: ns, plain winston': Math.round(dropped.plain),
    'dropped debug line: ours / winston': Number(dropped.ratio.toFixed(3)),
    'written line: ours / winston': Number(written.ratio.toFixed(3)),
  },
});
