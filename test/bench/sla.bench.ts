// The peer works in the process's local zone, so set it before anything reads the clock.
process.env.TZ = 'Europe/Amsterdam';

import { createRequire } from 'node:module';
import { createBusinessCalendar } from '../../src/domain/calendar/business-calendar.js';
import { parseSupportHours } from '../../src/domain/calendar/parse-support-hours.js';
import { printBenchSummary } from './bench-summary.js';

/**
 * Due-time computations per second for 1 h, 90 h and 1,000,000-minute targets, this engine
 * against moment-business-time on the same random starts, same hours (Mon–Fri 08:30–17:30,
 * Europe/Amsterdam) and same holidays, measured side by side in one process.
 * Run: npx tsx test/bench/sla.bench.ts
 */

interface PeerMoment {
  addWorkingTime(amount: number, unit: 'minutes'): PeerMoment;
  valueOf(): number;
}
interface PeerMomentStatic {
  (instant: number): PeerMoment;
  updateLocale(locale: string, spec: { workinghours: Record<number, string[] | null>; holidays: string[] }): void;
}

const HOLIDAYS = [
  '2026-04-06',
  '2026-04-27',
  '2026-05-14',
  '2026-05-25',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-29',
  '2027-04-27',
  '2027-05-06',
  '2027-05-17',
  '2027-12-27',
];
const DURATIONS = [
  { label: '1 h', minutes: 60, peerRuns: 20_000 },
  { label: '90 h', minutes: 90 * 60, peerRuns: 2_000 },
  { label: '1,000,000 min', minutes: 1_000_000, peerRuns: 20 },
];
const INPUTS = 10_000;
const MIN_SAMPLE_MS = 300;

const weekly = parseSupportHours('Mon-Fri 08:30-17:30');
if (!weekly.ok) throw new Error(weekly.error);
const calendar = createBusinessCalendar({ zone: 'Europe/Amsterdam', weekly: weekly.value, holidays: { dates: HOLIDAYS, regions: [] } });

const peer = createRequire(import.meta.url)('moment-business-time') as PeerMomentStatic;
const day = ['08:30:00', '17:30:00'];
peer.updateLocale('en', { workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null }, holidays: HOLIDAYS });

/** Deterministic starts across 2026–2027, whole minutes (the peer's resolution). */
function randomStarts(count: number): number[] {
  let seed = 20_260_327;
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const from = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2028, 0, 1) - from;
  return Array.from({ length: count }, () => from + Math.floor((next() * span) / 60_000) * 60_000);
}

/** Runs `compute` over the starts (cycling) for at least MIN_SAMPLE_MS or `maxRuns` runs; returns runs per second. */
function measure(starts: readonly number[], compute: (start: number) => number, maxRuns = Infinity): { perSecond: number; runs: number } {
  let sink = 0;
  let runs = 0;
  const began = performance.now();
  while (runs < maxRuns && (runs % 1000 !== 0 || performance.now() - began < MIN_SAMPLE_MS)) {
    sink += compute(starts[runs % starts.length] as number);
    runs += 1;
  }
  const seconds = (performance.now() - began) / 1000;
  if (sink === 0.5) process.stdout.write(''); // keeps the results alive
  return { perSecond: runs / seconds, runs };
}

const starts = randomStarts(INPUTS);
const rows = DURATIONS.map(({ label, minutes, peerRuns }) => {
  const ours = (start: number) => calendar.addBusinessMinutes(start, minutes);
  const theirs = (start: number) => peer(start).addWorkingTime(minutes, 'minutes').valueOf();
  starts.forEach(ours); // builds the year blocks once, as a long-running service would
  measure(starts, theirs, Math.min(peerRuns / 4, 200)); // warm-up
  const mine = measure(starts, ours);
  const peers = measure(starts, theirs, peerRuns);
  const sample = starts.slice(0, Math.min(200, peerRuns));
  const agree = sample.filter((start) => ours(start) === theirs(start)).length;
  return {
    target: label,
    'engine /s': Math.round(mine.perSecond),
    'engine µs/op': Number((1e6 / mine.perSecond).toFixed(3)),
    'peer /s': Math.round(peers.perSecond),
    'peer runs': peers.runs,
    ratio: `${(mine.perSecond / peers.perSecond).toFixed(0)}×`,
    'same due': `${agree}/${sample.length}`,
  };
});

console.log('SLA due-time computations per second: this engine vs moment-business-time (same inputs, one process)');
console.table(rows);
const ninety = rows[1];
if (ninety) {
  const ratio = Number(ninety.ratio.slice(0, -1));
  console.log(
    `90 h: ${ninety['engine /s'] >= 100_000 ? 'meets' : 'MISSES'} ≥100,000/s; ${ratio >= 50 ? 'meets' : 'MISSES'} ≥50× the peer.`,
  );
  printBenchSummary({
    bench: 'sla',
    ok: ninety['engine /s'] >= 100_000 && ratio >= 50,
    figures: Object.fromEntries(
      rows.flatMap((row) => [
        [`${row.target}: engine /s`, row['engine /s']],
        [`${row.target}: × moment-business-time`, Number(row.ratio.slice(0, -1))],
      ]),
    ),
  });
}
const coldStart = performance.now();
createBusinessCalendar({ zone: 'Europe/Amsterdam', weekly: weekly.value, holidays: { dates: HOLIDAYS, regions: [] } }).addBusinessMinutes(
  starts[0] as number,
  1_000_000,
);
console.log(
  `Cold: the first 1,000,000-minute computation on a fresh calendar (builds each UTC year once) took ${(performance.now() - coldStart).toFixed(1)} ms.`,
);
console.log('The peer runs fewer iterations for longer targets (see "peer runs"); its cost grows with the duration.');
