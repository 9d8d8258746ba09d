import { describe, expect, it } from 'vitest';
import { requestOutcomes, runningAtEnd, summariseGoals } from '../../../../../src/domain/reports/request-outcomes.js';
import type { SlaRecord } from '../../../../../src/domain/reports/sla-record.js';
import { summariseSla } from '../../../../../src/domain/reports/summarise-sla.js';
import { CONTRACT_GOALS } from '../../../../../src/domain/sla/sla-policy.js';

const MARCH = { fromMs: Date.UTC(2026, 2, 1), toMs: Date.UTC(2026, 3, 1), asOfMs: Date.UTC(2026, 3, 2) };
const at = (day: number, hour = 9) => Date.UTC(2026, 2, day, hour);
const EXCUSE = { reason: 'customer firewall blocked the integration', by: 'person-ssm', at: at(20) };

/** A request's two targets: response due the 2nd at 10:00, resolution due the 4th at 09:00; met unless told. */
function request(
  id: string,
  priority: SlaRecord['priority'],
  over: { responded?: number | null; resolved?: number | null; excused?: SlaRecord['excused']; resolutionStarted?: boolean } = {},
): SlaRecord[] {
  const base = {
    requestId: id,
    priority,
    category: 'incident',
    serviceInstance: 'iv',
    pausedBusinessMs: 0,
    escalations: [],
    excused: over.excused ?? null,
    customer: null,
  };
  const response: SlaRecord = {
    ...base,
    target: 'response',
    startMs: at(2, 9),
    dueMs: at(2, 10),
    actualMs: over.responded === undefined ? at(2, 9) : over.responded,
  };
  if (over.resolutionStarted === false) return [response];
  return [
    response,
    { ...base, target: 'resolution', startMs: at(2, 9), dueMs: at(4), actualMs: over.resolved === undefined ? at(3) : over.resolved },
  ];
}

const group = (name: string, records: SlaRecord[]) =>
  summariseGoals(requestOutcomes(records, MARCH.asOfMs), MARCH, CONTRACT_GOALS).find((g) => g.name === name);

describe('goals as §3.2 pools them', () => {
  it('4 of 5 low/medium/high requests within target: 80 %, met (one miss: a late response on a resolved-in-time request)', () => {
    const records = [
      ...request('l1', 'low'),
      ...request('l2', 'low'),
      ...request('m1', 'medium'),
      ...request('h1', 'high'),
      ...request('h2', 'high', { responded: at(2, 11) }),
    ];
    expect(group('low_medium_high', records)).toEqual({
      name: 'low_medium_high',
      priorities: ['low', 'medium', 'high'],
      goalPercent: 80,
      requests: 5,
      withinTarget: 4,
      excused: 0,
      percent: 80,
      percentIncludingExcused: 80,
      met: true,
    });
    // Per priority alone High would be at 50 % response: the pooled goal is what the contract judges.
    expect(summariseSla(records, MARCH, CONTRACT_GOALS).priorities.find((p) => p.priority === 'high')?.response.withinTargetPercent).toBe(
      50,
    );
  });

  it('with the miss excused: 4 of 4 = 100 % for the goal, 4 of 5 = 80 % including the excused; the breach stays listed with the excuse', () => {
    const records = [
      ...request('l1', 'low'),
      ...request('l2', 'low'),
      ...request('m1', 'medium'),
      ...request('h1', 'high'),
      ...request('h2', 'high', { responded: at(2, 11), excused: EXCUSE }),
    ];
    expect(group('low_medium_high', records)).toMatchObject({
      requests: 5,
      withinTarget: 4,
      excused: 1,
      percent: 100,
      percentIncludingExcused: 80,
      met: true,
    });
    const breaches = summariseSla(records, MARCH, CONTRACT_GOALS).breaches;
    expect(breaches).toEqual([expect.objectContaining({ requestId: 'h2', target: 'response', excused: EXCUSE })]);
  });

  it('3 of 5 with two misses, one excused: 3 of 4 = 75 %, not met; 3 of 5 = 60 % including it', () => {
    const records = [
      ...request('l1', 'low'),
      ...request('l2', 'low', { resolved: at(5) }),
      ...request('m1', 'medium'),
      ...request('h1', 'high'),
      ...request('h2', 'high', { responded: at(2, 11), excused: EXCUSE }),
    ];
    expect(group('low_medium_high', records)).toMatchObject({
      requests: 5,
      withinTarget: 3,
      excused: 1,
      percent: 75,
      percentIncludingExcused: 60,
      met: false,
    });
  });

  it('an excuse on a request within target changes nothing', () => {
    const records = [...request('t1', 'top', { excused: EXCUSE })];
    expect(group('top', records)).toMatchObject({
      requests: 1,
      withinTarget: 1,
      excused: 0,
      percent: 100,
      percentIncludingExcused: 100,
      met: true,
    });
  });

  it('Top is met only at 100 %; with no Top request decided the goal is not judged', () => {
    expect(group('top', [...request('t1', 'top'), ...request('t2', 'top', { resolved: at(4, 10) })])).toMatchObject({
      requests: 2,
      withinTarget: 1,
      percent: 50,
      met: false,
    });
    expect(group('top', request('h1', 'high'))).toMatchObject({ requests: 0, percent: null, percentIncludingExcused: null, met: null });
  });

  it('counts a request in the period its last started target was decided, and lists running ones apart', () => {
    // Responded in March, resolved (met) on 1 April: decided in April, running at the end of March.
    const aprilRecords = request('a1', 'low', { resolved: Date.UTC(2026, 3, 1, 8) }).map((r) =>
      r.target === 'resolution'
        ? { ...r, startMs: at(30), dueMs: Date.UTC(2026, 3, 3) }
        : { ...r, startMs: at(30), dueMs: at(30, 10), actualMs: at(30, 9) },
    );
    const april = { fromMs: MARCH.toMs, toMs: Date.UTC(2026, 4, 1) };
    const outcomes = requestOutcomes(aprilRecords, MARCH.asOfMs);
    expect(summariseGoals(outcomes, MARCH, CONTRACT_GOALS)[1]).toMatchObject({ requests: 0 });
    expect(summariseGoals(outcomes, april, CONTRACT_GOALS)[1]).toMatchObject({ requests: 1, withinTarget: 1 });
    expect(runningAtEnd(outcomes, MARCH).map((o) => o.requestId)).toEqual(['a1']);
    // A request whose resolution has not started (root-cause start) is running, even with its response met.
    const noRootCause = requestOutcomes(request('r1', 'medium', { resolutionStarted: false }), MARCH.asOfMs);
    expect(noRootCause[0]).toMatchObject({ outcome: 'running', decidedAtMs: null });
    expect(
      summariseSla(request('r1', 'medium', { resolutionStarted: false }), MARCH, CONTRACT_GOALS).running.map((r) => r.requestId),
    ).toEqual(['r1']);
  });

  it('a breach decides the request at its due instant, even if the request is completed later', () => {
    // Resolution due 4 March, still open on 2 April: missed, decided 4 March.
    const outcomes = requestOutcomes(request('late', 'high', { resolved: null }), MARCH.asOfMs);
    expect(outcomes[0]).toMatchObject({ outcome: 'missed', decidedAtMs: at(4) });
  });
});
