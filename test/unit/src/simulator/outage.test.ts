import { describe, expect, it } from 'vitest';
import { createFaults } from '../../../../src/simulator/faults.js';
import { createOutage } from '../../../../src/simulator/outage.js';

describe('simulator outage', () => {
  it('fails every call from its start until its end, then Xurrent is up again', () => {
    let now = 1_000;
    const outage = createOutage(() => now);
    expect(outage.at(now)).toBeUndefined();
    outage.start(10_000, { status: 503, retryAfter: '5' });
    expect(outage.untilMs).toBe(11_000);
    expect(outage.at(1_000)).toEqual({ status: 503, retryAfter: '5' });
    expect(outage.at(10_999)).toEqual({ status: 503, retryAfter: '5' });
    expect(outage.at(11_000)).toBeUndefined();
    now = 5_000;
    outage.start(1_000);
    expect(outage.at(5_500)).toEqual({ status: 503 });
    outage.end();
    expect(outage.at(5_000)).toBeUndefined();
  });

  it('comes before the queued faults, which wait for the outage to end', () => {
    const faults = createFaults();
    faults.failNext(429, { retryAfter: '1' });
    faults.outage.start(60_000, { status: 500 });
    expect(faults.take()).toEqual({ kind: 'status', status: 500 });
    expect(faults.take()).toEqual({ kind: 'status', status: 500 });
    faults.clear();
    expect(faults.take()).toBeUndefined();
    faults.failNext(429, { retryAfter: '1' });
    expect(faults.take()).toEqual({ kind: 'status', status: 429, retryAfter: '1' });
  });
});
