import { describe, expect, it } from 'vitest';
import { parseBenchSummaries } from '../../bench/bench-summary.js';

describe('bench summary lines', () => {
  it('finds only the BENCH lines among a bench report, in order', () => {
    const output = [
      'signing 100 deliveries...',
      '│ BENCH in a table cell │ 1 │',
      'BENCH {"bench":"ingest","ok":false,"figures":{"ratio":0.41,"p50 / p99":"3 / 18"}}',
      'done',
      'BENCH {"bench":"sla","ok":true,"figures":{"90 h: engine /s":4342636}}',
      '',
    ].join('\n');
    expect(parseBenchSummaries(output)).toEqual([
      { bench: 'ingest', ok: false, figures: { ratio: 0.41, 'p50 / p99': '3 / 18' } },
      { bench: 'sla', ok: true, figures: { '90 h: engine /s': 4342636 } },
    ]);
  });

  it('finds none in a report without one', () => {
    expect(parseBenchSummaries('no summary here\nBENCHMARK done\n')).toEqual([]);
  });
});
