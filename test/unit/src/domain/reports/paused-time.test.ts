import { describe, expect, it } from 'vitest';
import { addPausedTime, pausedTimeOf } from '../../../../../src/domain/reports/paused-time.js';
import type { SlaRecord } from '../../../../../src/domain/reports/sla-record.js';
import { summariseSla } from '../../../../../src/domain/reports/summarise-sla.js';
import { CONTRACT_GOALS } from '../../../../../src/domain/sla/sla-policy.js';

const M = 60_000;
const H = 60 * M;
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
    dueMs: at(6),
    actualMs: at(3),
    pausedBusinessMs: 0,
    escalations: [],
    ...over,
  };
}

describe('pausedTimeOf', () => {
  it('splits resolution pauses into incomplete request, waiting for the customer, and the rest', () => {
    const records = [
      // 2 h asking for a missing description, then 1 h 30 waiting for the customer's answer to a question.
      record('a', { pausedBusinessMs: 3.5 * H, pausedByReason: { incomplete_request: 2 * H, waiting_for_customer: 1.5 * H } }),
      // Completed for 45 min before a reopen, plus 15 min nobody recorded a reason for.
      record('b', { pausedBusinessMs: H, pausedByReason: { completed_then_reopened: 45 * M, other: 15 * M } }),
      // Kept before the split existed: the whole pause is of unknown reason.
      record('c', { pausedBusinessMs: 20 * M }),
      // A response record never adds: its pause would count the same wait twice.
      record('a', { target: 'response', pausedBusinessMs: 2 * H, pausedByReason: { incomplete_request: 2 * H } }),
    ];
    expect(pausedTimeOf(records)).toEqual({ incompleteRequestMs: 2 * H, waitingForCustomerMs: 1.5 * H, otherMs: 45 * M + 15 * M + 20 * M });
  });

  it('adds splits reason by reason', () => {
    const one = { incompleteRequestMs: 1, waitingForCustomerMs: 2, otherMs: 3 };
    expect(addPausedTime([one, one, { incompleteRequestMs: 10, waitingForCustomerMs: 0, otherMs: 0 }])).toEqual({
      incompleteRequestMs: 12,
      waitingForCustomerMs: 4,
      otherMs: 6,
    });
    expect(addPausedTime([])).toEqual({ incompleteRequestMs: 0, waitingForCustomerMs: 0, otherMs: 0 });
  });
});

describe('summariseSla: paused time per priority and in total', () => {
  it('counts the pauses of the targets counted in the period, by priority', () => {
    const records = [
      record('h1', { pausedBusinessMs: 6 * H, pausedByReason: { incomplete_request: 6 * H } }),
      record('h2', { pausedBusinessMs: H, pausedByReason: { waiting_for_customer: H } }),
      record('t1', { priority: 'top', pausedBusinessMs: 30 * M, pausedByReason: { incomplete_request: 30 * M } }),
      // Decided in April: not in March's figures, its pause neither.
      record('h3', {
        startMs: at(30),
        dueMs: Date.UTC(2026, 3, 3),
        actualMs: Date.UTC(2026, 3, 1, 10),
        pausedBusinessMs: 9 * H,
        pausedByReason: { incomplete_request: 9 * H },
      }),
    ];
    const summary = summariseSla(records, MARCH, goals);
    expect(summary.priorities.map((p) => [p.priority, p.paused])).toEqual([
      ['top', { incompleteRequestMs: 30 * M, waitingForCustomerMs: 0, otherMs: 0 }],
      ['high', { incompleteRequestMs: 6 * H, waitingForCustomerMs: H, otherMs: 0 }],
      ['medium', { incompleteRequestMs: 0, waitingForCustomerMs: 0, otherMs: 0 }],
      ['low', { incompleteRequestMs: 0, waitingForCustomerMs: 0, otherMs: 0 }],
    ]);
    expect(summary.paused).toEqual({ incompleteRequestMs: 6.5 * H, waitingForCustomerMs: H, otherMs: 0 });
  });
});
