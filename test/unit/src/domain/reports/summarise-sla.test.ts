import { describe, expect, it } from 'vitest';
import type { SlaRecord } from '../../../../../src/domain/reports/sla-record.js';
import { summariseSla } from '../../../../../src/domain/reports/summarise-sla.js';
import { CONTRACT_GOALS } from '../../../../../src/domain/sla/sla-policy.js';

const H = 3_600_000;
const MARCH = { fromMs: Date.UTC(2026, 2, 1), toMs: Date.UTC(2026, 3, 1), asOfMs: Date.UTC(2026, 3, 2) };
const goals = CONTRACT_GOALS;
const at = (day: number, hour = 9) => Date.UTC(2026, 2, day, hour);

function record(requestId: string, over: Partial<SlaRecord>): SlaRecord {
  return {
    requestId,
    priority: 'high',
    category: 'incident',
    serviceInstance: 'Mail',
    target: 'resolution',
    startMs: at(2),
    dueMs: at(4),
    actualMs: at(3),
    pausedBusinessMs: 0,
    escalations: [],
    ...over,
  };
}

describe('summariseSla', () => {
  it('meets the Top goal only at exactly 100 %', () => {
    const met = [record('t1', { priority: 'top', target: 'response', dueMs: at(2, 10), actualMs: at(2, 10) })];
    expect(summariseSla(met, MARCH, goals).priorities[0]).toMatchObject({
      priority: 'top',
      requests: 1,
      goalMet: true,
      response: { withinTargetPercent: 100 },
    });
    const oneLate = [...met, record('t2', { priority: 'top', target: 'response', dueMs: at(5, 10), actualMs: at(5, 11) })];
    const top = summariseSla(oneLate, MARCH, goals).priorities[0];
    expect(top).toMatchObject({ requests: 2, goalMet: false, response: { met: 1, breached: 1, withinTargetPercent: 50 } });
  });

  it('meets the 80 % goal at 4 of 5 and fails it at 3 of 4', () => {
    const five = ['a', 'b', 'c', 'd'].map((id) => record(id, {})).concat(record('e', { actualMs: at(5) }));
    expect(summariseSla(five, MARCH, goals).priorities[1]).toMatchObject({ goalMet: true, resolution: { withinTargetPercent: 80 } });
    const four = ['a', 'b', 'c'].map((id) => record(id, {})).concat(record('e', { actualMs: at(5) }));
    expect(summariseSla(four, MARCH, goals).priorities[1]).toMatchObject({ goalMet: false, resolution: { withinTargetPercent: 75 } });
  });

  it('counts a target in the period its outcome was decided, across a month boundary', () => {
    const records = [
      record('late-in-april', { startMs: at(30), dueMs: at(31, 15), actualMs: Date.UTC(2026, 3, 1, 10) }), // breached on 31 March
      record('met-in-april', { startMs: at(31), dueMs: Date.UTC(2026, 3, 2), actualMs: Date.UTC(2026, 3, 1, 10) }), // April
      record('met-in-march', { startMs: Date.UTC(2026, 1, 27), dueMs: at(3), actualMs: at(2) }),
    ];
    const high = summariseSla(records, MARCH, goals).priorities[1];
    expect(high?.resolution).toMatchObject({ decided: 2, met: 1, breached: 1 });
  });

  it('treats running targets past due as breached and within due as running', () => {
    const asOf = { ...MARCH, asOfMs: at(20) };
    const records = [
      record('overdue', { dueMs: at(10), actualMs: null }),
      record('running', { startMs: at(19), dueMs: at(25), actualMs: null }),
    ];
    const summary = summariseSla(records, asOf, goals);
    expect(summary.priorities[1]?.resolution).toMatchObject({ decided: 1, breached: 1, running: 1 });
    expect(summary.breaches).toEqual([expect.objectContaining({ requestId: 'overdue', lateByMs: 10 * 24 * H })]);
  });

  it('lists breaches with how late, reason and escalations, and reports no goal when nothing was decided', () => {
    const records = [
      record('r1', {
        priority: 'low',
        dueMs: at(4),
        actualMs: at(4, 12),
        breachReason: 'vendor',
        escalations: ['warning', 'service_support_manager'],
      }),
    ];
    const summary = summariseSla(records, MARCH, goals);
    expect(summary.breaches).toEqual([
      {
        requestId: 'r1',
        priority: 'low',
        target: 'resolution',
        serviceInstance: 'Mail',
        startMs: at(2),
        dueMs: at(4),
        actualMs: at(4, 12),
        pausedBusinessMs: 0,
        lateByMs: 3 * H,
        reason: 'vendor',
        escalations: ['warning', 'service_support_manager'],
        excused: null,
        customer: null,
      },
    ]);
    expect(summary.priorities[2]).toMatchObject({ priority: 'medium', requests: 0, goalMet: null });
  });
});
