import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '../../../../../src/domain/sla/request-history.js';
import { trackClocks } from '../../../../../src/domain/sla/track-clocks.js';

// Instants in minutes on an abstract line: the rules here are about which stretches run, not business time.
const m = (minutes: number) => minutes * 60_000;
const created: RequestEvent = { kind: 'created', at: m(0), priority: 'high' };
const runs = (track: { stretches: readonly { from: number; to: number }[] }) =>
  track.stretches.map((s) => [s.from / 60_000, s.to / 60_000]);

describe("trackClocks: the response is a person's (responseBy person)", () => {
  const events: RequestEvent[] = [
    created,
    { kind: 'status-changed', at: m(10), status: 'waiting_for_customer', reason: 'incomplete_request', by: 'worker' },
    { kind: 'status-changed', at: m(30), status: 'assigned', by: 'worker' },
    { kind: 'responded', at: m(50), via: 'note' },
  ];

  it("the worker's ask pauses the response clock but never stops it; a provider person's public note does", () => {
    const tracked = trackClocks(events, m(100), { resolutionClockStart: 'created', responseBy: 'person' });
    expect(runs(tracked!.response)).toEqual([
      [0, 10],
      [30, 50],
    ]);
    expect(tracked!.response.stopped).toBe(true);
  });

  it("under the old reading (records decided before) the worker's ask was the response", () => {
    const tracked = trackClocks(events, m(100), { resolutionClockStart: 'created' });
    expect(runs(tracked!.response)).toEqual([[0, 10]]);
  });

  it("a person's status change responds; the worker's forward to Xurrent (waiting_for) does not", () => {
    const forward: RequestEvent[] = [
      created,
      { kind: 'status-changed', at: m(5), status: 'waiting_for', by: 'worker' },
      { kind: 'status-changed', at: m(40), status: 'in_progress' },
    ];
    const tracked = trackClocks(forward, m(100), { resolutionClockStart: 'created', responseBy: 'person' });
    expect(runs(tracked!.response)).toEqual([[0, 40]]);
  });
});

describe('trackClocks: providerNotAccountable and the root-cause start', () => {
  it('pauses both clocks while the provider is not accountable', () => {
    const events: RequestEvent[] = [
      created,
      { kind: 'accountability-changed', at: m(10), notAccountable: true },
      { kind: 'accountability-changed', at: m(40), notAccountable: false },
    ];
    const tracked = trackClocks(events, m(60), { resolutionClockStart: 'created', responseBy: 'person' });
    expect(runs(tracked!.response)).toEqual([
      [0, 10],
      [40, 60],
    ]);
    expect(runs(tracked!.resolution)).toEqual([
      [0, 10],
      [40, 60],
    ]);
  });

  it('starts the resolution at the root cause, and ignores a root cause recorded after completion', () => {
    const started = trackClocks([created, { kind: 'root-cause-recorded', at: m(20), source: 'tag' }], m(60), {
      resolutionClockStart: 'root_cause',
    });
    expect(runs(started!.resolution)).toEqual([[20, 60]]);
    expect(started!.noRootCause).toBe(false);
    const late: RequestEvent[] = [
      created,
      { kind: 'status-changed', at: m(30), status: 'completed' },
      { kind: 'root-cause-recorded', at: m(40) },
    ];
    const failSafe = trackClocks(late, m(60), { resolutionClockStart: 'root_cause' });
    // Completed without a root cause before completion: counted from registration, flagged.
    expect(runs(failSafe!.resolution)).toEqual([[0, 30]]);
    expect(failSafe!.noRootCause).toBe(true);
  });

  it('leaves the resolution unstarted while an open request has no root cause', () => {
    const open = trackClocks([created], m(60), { resolutionClockStart: 'root_cause' });
    expect(open!.resolution.started).toBe(false);
    expect(open!.noRootCause).toBe(false);
  });
});
