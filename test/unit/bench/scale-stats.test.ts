import { describe, expect, it } from 'vitest';
import { firstEventAt, latenessOf, perHour, reconcileLatencies, spreadOf, type StreamEntry } from '../../bench/scale-stats.js';

describe('scale bench arithmetic', () => {
  it('gives nearest-rank p50, p99 and the max, whatever the input order', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(spreadOf(values)).toEqual({ count: 100, p50: 51, p99: 100, max: 100 });
    expect(spreadOf([7])).toEqual({ count: 1, p50: 7, p99: 7, max: 7 });
  });

  it('gives zeros for no values rather than NaN', () => {
    expect(spreadOf([])).toEqual({ count: 0, p50: 0, p99: 0, max: 0 });
  });

  it("finds each job's first entry of one event in a BullMQ event stream, in the stream ids' milliseconds", () => {
    const entries: StreamEntry[] = [
      ['1000-0', ['event', 'waiting', 'jobId', 'a']],
      ['1500-0', ['event', 'active', 'jobId', 'a', 'prev', 'waiting']],
      ['1600-0', ['event', 'active', 'jobId', 'b']],
      ['2500-1', ['event', 'active', 'jobId', 'a']], // a retry: the first start counts
      ['2600-0', ['event', 'completed', 'jobId', 'b', 'returnvalue', 'active']], // a value that names an event is not the event
    ];
    expect(firstEventAt(entries, 'active')).toEqual(
      new Map([
        ['a', 1500],
        ['b', 1600],
      ]),
    );
    expect(firstEventAt(entries, 'completed')).toEqual(new Map([['b', 2600]]));
  });

  it('measures lateness from the due time and leaves out timers that never started', () => {
    const due = new Map([
      ['t1', 1_000],
      ['t2', 2_000],
      ['t3', 3_000],
    ]);
    expect(
      latenessOf(
        due,
        new Map([
          ['t1', 1_040],
          ['t2', 1_990],
          ['other', 5],
        ]),
      ),
    ).toEqual([40, -10]);
  });

  it("takes each event's latency to the first reconcile of its request that completed at or after it was sent", () => {
    const sent = [
      { requestNodeId: 'r1', sentAt: 1_000 },
      { requestNodeId: 'r2', sentAt: 1_000 },
      { requestNodeId: 'r1', sentAt: 5_000 },
      { requestNodeId: 'r3', sentAt: 1_000 },
    ];
    const completions = [
      { requestNodeId: 'r1', at: 6_000 },
      { requestNodeId: 'r1', at: 900 },
      { requestNodeId: 'r1', at: 1_200 },
      { requestNodeId: 'r2', at: 1_000 },
    ];
    // r3 never completed: left out, for the caller to count.
    expect(reconcileLatencies(sent, completions)).toEqual([200, 0, 1_000]);
  });

  it('turns a count in a window into a rate per hour', () => {
    expect(perHour(10, 60_000)).toBe(600);
    expect(perHour(10, 0)).toBe(0);
  });
});
