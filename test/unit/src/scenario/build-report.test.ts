import { describe, expect, it } from 'vitest';
import { INITIAL_WORKFLOW_STATE, type WorkflowState } from '../../../../src/domain/workflow/workflow-state.js';
import { buildReport, reportRequest } from '../../../../src/scenario/build-report.js';

const ms = (iso: string) => Date.parse(iso);
const state: WorkflowState = {
  ...INITIAL_WORKFLOW_STATE,
  observed: { status: 'completed', category: 'incident', priority: 'top', updatedAtMs: ms('2026-03-30T08:00:00Z') },
  events: [
    { kind: 'created', at: ms('2026-03-27T15:00:00Z'), priority: 'top' },
    { kind: 'status-changed', at: ms('2026-03-27T15:05:00Z'), status: 'assigned' },
    { kind: 'status-changed', at: ms('2026-03-27T15:10:00Z'), status: 'in_progress' },
    { kind: 'status-changed', at: ms('2026-03-27T15:40:00Z'), status: 'completed' },
    { kind: 'status-changed', at: ms('2026-03-30T07:00:00Z'), status: 'in_progress' },
    { kind: 'status-changed', at: ms('2026-03-30T08:00:00.250Z'), status: 'completed' },
  ],
  facts: {
    kind: 'incident',
    priority: 'top',
    priorityReason: 'impact top',
    responseDueMs: ms('2026-03-27T16:00:00Z'),
    resolutionDueMs: ms('2026-03-30T10:20:00Z'),
    responseState: 'met',
    resolutionState: 'breached',
    flags: [],
  },
  escalations: [{ key: 'resolution:warning', level: 'warning', target: 'resolution', atMs: ms('2026-03-30T08:00:00Z') }],
};

describe('reportRequest', () => {
  it('reads targets and breaches from the facts, response and resolution from the history', () => {
    expect(reportRequest({ ref: 'r1', status: 'completed', problemRef: 'p1', workerNotes: 5, state })).toEqual({
      priority: 'top',
      responseDue: '2026-03-27T16:00:00Z',
      resolutionDue: '2026-03-30T10:20:00Z',
      respondedAt: '2026-03-27T15:10:00Z',
      resolvedAt: '2026-03-30T08:00:00.250Z',
      responseBreached: false,
      resolutionBreached: true,
      escalations: [{ level: 'warning', target: 'resolution', at: '2026-03-30T08:00:00Z' }],
      flags: [],
      problem: 'p1',
      notes: 5,
      routedTo: null,
      // A state without a kept rule is read the old way (created start): no root cause is shown.
      rootCauseAt: null,
      excused: null,
      customer: null,
    });
  });

  it('adds the registration flags and the team the worker routed to', () => {
    const registration = {
      status: 'completed-after-asking' as const,
      missing: [],
      askedAtMs: null,
      notesAtAsk: 0,
      remindedAtMs: null,
      pauses: [],
      routedTeamId: 'T1',
    };
    const report = reportRequest({
      ref: 'r1',
      status: 'assigned',
      problemRef: null,
      workerNotes: 3,
      state: { ...state, registration },
      routedTo: 'Mail second line',
    });
    expect(report.flags).toEqual(['completed_registration']);
    expect(report.routedTo).toBe('Mail second line');
    const incomplete = reportRequest({
      ref: 'r1',
      status: 'assigned',
      problemRef: null,
      workerNotes: 3,
      state: { ...state, registration: { ...registration, status: 'incomplete' } },
    });
    expect(incomplete.flags).toEqual(['incomplete']);
  });

  it('has no resolution while the request is open again, and nothing at all before the worker saw it', () => {
    expect(reportRequest({ ref: 'r1', status: 'in_progress', problemRef: null, workerNotes: 0, state }).resolvedAt).toBeNull();
    expect(reportRequest({ ref: 'r1', status: 'assigned', problemRef: null, workerNotes: 0, state: null })).toEqual({
      priority: null,
      responseDue: null,
      resolutionDue: null,
      respondedAt: null,
      resolvedAt: null,
      responseBreached: false,
      resolutionBreached: false,
      escalations: [],
      flags: [],
      problem: null,
      notes: 0,
      routedTo: null,
      rootCauseAt: null,
      excused: null,
      customer: null,
    });
  });
});

describe('buildReport', () => {
  it('keys requests and problems by ref', () => {
    const report = buildReport(
      [{ ref: 'r1', status: 'assigned', problemRef: 'p1', workerNotes: 1, state }],
      [{ ref: 'p1', reason: 'top_incident', requestRefs: ['r1'], rcaDueMs: null }],
      4,
    );
    expect(Object.keys(report.requests)).toEqual(['r1']);
    expect(report.problems).toEqual({
      p1: { reason: 'top_incident', reasons: ['top_incident'], rcaReportAt: null, requests: ['r1'], rcaDue: null },
    });
    expect(report.xurrentCalls).toBe(4);
  });
});
