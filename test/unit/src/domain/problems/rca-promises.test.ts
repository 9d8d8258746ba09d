import { describe, expect, it } from 'vitest';
import { planProblemWrite, type ProblemWritePolicy } from '../../../../../src/domain/problems/plan-problem-write.js';
import { earliestDueMs, rcaPromiseMarker, rcaPromisesOf, reasonsOf } from '../../../../../src/domain/problems/rca-promises.js';
import type { IncidentRow } from '../../../../../src/domain/problems/incident-row.js';

const policy: ProblemWritePolicy = { rcaDue: 'P1M', zone: 'Europe/Amsterdam', managerId: null, teamId: null, businessMillisBetween: () => 0, format: (ms) => new Date(ms ?? 0).toISOString() };
const top: IncidentRow = {
  id: 'R3', label: '#3', subject: 'No orders', category: 'incident', impact: 'top', createdAtMs: Date.parse('2026-03-10T10:00:00Z'), teamId: null,
  problemId: null, serviceInstanceId: 'SI', serviceInstanceName: 'IV', serviceId: 'S',
};
const context = (openRcaDueMs: number | null) => ({
  incident: top, rows: new Map([[top.id, top]]), sourceId: 'service_instance:SI', linkedRequestIds: ['R1', 'R2'],
  timelineOf: () => ({ label: '#3', subject: '', registeredAtMs: 0, respondedAtMs: null, resolvedAtMs: null, escalations: [] }), openRcaDueMs,
});
const link = { action: 'link' as const, problemId: 'P1', requestIds: ['R3'], why: 'open problem', reason: 'top_incident' as const };

describe('RCA promises (issue 17 point 4)', () => {
  it('a Top linked to an open problem brings its own promise and pulls the RCA target to a month after its registration', () => {
    const write = planProblemWrite(link, context(Date.parse('2026-05-29T15:00:00Z')), policy);
    expect(write).toMatchObject({ kind: 'link', rcaDueMs: Date.parse('2026-04-10T09:00:00Z'), input: { analysisTargetAt: '2026-04-10T09:00:00.000Z', requestIds: ['R1', 'R2', 'R3'] } });
    if (write.kind !== 'link') throw new Error('link expected');
    expect(rcaPromisesOf([write.input.note])).toEqual([{ reason: 'top_incident', subject: 'R3', dueMs: Date.parse('2026-04-10T09:00:00Z') }]);
  });

  it('leaves an earlier target where it is, still recording the promise', () => {
    const write = planProblemWrite(link, context(Date.parse('2026-04-03T08:00:00Z')), policy);
    if (write.kind !== 'link') throw new Error('link expected');
    expect(write.input.analysisTargetAt).toBeUndefined();
    expect(write.rcaDueMs).toBeUndefined();
    expect(rcaPromisesOf([write.input.note])).toHaveLength(1);
  });

  it('reads reasons in promise order and the earliest due, one promise per reason and subject', () => {
    const notes = [
      `opened\n${rcaPromiseMarker({ reason: 'repeated_incidents', subject: 'service_instance:SI', dueMs: 300 })}`,
      `linked\n${rcaPromiseMarker({ reason: 'top_incident', subject: 'R3', dueMs: 200 })}`,
      `again\n${rcaPromiseMarker({ reason: 'top_incident', subject: 'R3', dueMs: 999 })}`,
    ];
    const promises = rcaPromisesOf(notes);
    expect(reasonsOf(promises)).toEqual(['repeated_incidents', 'top_incident']);
    expect(earliestDueMs(promises)).toBe(200);
    expect(earliestDueMs([])).toBeNull();
  });
});
