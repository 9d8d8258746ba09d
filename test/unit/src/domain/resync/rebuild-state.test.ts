import { describe, expect, it } from 'vitest';
import { rebuildWorkflowState, type RequestHistoryInput } from '../../../../../src/domain/resync/rebuild-state.js';

const ID = 'UmVxLzc';
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-03-30T09:00:00Z');

const base: RequestHistoryInput = {
  requestNodeId: ID,
  status: 'in_progress',
  category: 'incident',
  updatedAtMs: at('2026-03-27T16:00:00Z'),
  reopenCount: 0,
  sla: { actualResponseAtMs: null, actualResolutionAtMs: null, stoppedPeriods: [] },
  notes: [],
};

describe('rebuildWorkflowState: status history from the affected SLA', () => {
  it.each([
    {
      name: 'a response only',
      sla: { actualResponseAtMs: at('2026-03-27T15:10:00Z'), actualResolutionAtMs: null, stoppedPeriods: [] },
      status: 'in_progress',
      events: [{ kind: 'status-changed', at: at('2026-03-27T15:10:00Z'), status: 'in_progress' }],
    },
    {
      name: 'responded by waiting for the customer, then resumed',
      sla: {
        actualResponseAtMs: at('2026-03-27T15:30:00Z'),
        actualResolutionAtMs: null,
        stoppedPeriods: [{ fromMs: at('2026-03-27T15:30:00Z'), toMs: at('2026-03-30T08:00:00Z') }],
      },
      status: 'in_progress',
      events: [
        { kind: 'status-changed', at: at('2026-03-27T15:30:00Z'), status: 'waiting_for_customer' },
        // Who ended the wait Xurrent does not say: the end is no response of its own.
        { kind: 'status-changed', at: at('2026-03-30T08:00:00Z'), status: 'assigned' },
      ],
    },
    {
      name: 'completed at once (the completion is the response)',
      sla: { actualResponseAtMs: at('2026-03-27T16:00:00Z'), actualResolutionAtMs: at('2026-03-27T16:00:00Z'), stoppedPeriods: [] },
      status: 'completed',
      events: [{ kind: 'status-changed', at: at('2026-03-27T16:00:00Z'), status: 'completed' }],
    },
    {
      name: 'still waiting for the customer (open period)',
      sla: {
        actualResponseAtMs: at('2026-03-27T15:00:00Z'),
        actualResolutionAtMs: null,
        stoppedPeriods: [{ fromMs: at('2026-03-27T15:20:00Z'), toMs: null }],
      },
      status: 'waiting_for_customer',
      events: [
        { kind: 'status-changed', at: at('2026-03-27T15:00:00Z'), status: 'in_progress' },
        { kind: 'status-changed', at: at('2026-03-27T15:20:00Z'), status: 'waiting_for_customer' },
      ],
    },
    {
      name: 'not responded yet',
      sla: { actualResponseAtMs: null, actualResolutionAtMs: null, stoppedPeriods: [] },
      status: 'assigned',
      events: [],
    },
  ])('$name', ({ sla, status, events }) => {
    const state = rebuildWorkflowState({ ...base, sla, status }, NOW);
    expect(state.events).toEqual(events);
    expect(state.observed).toEqual({ status, category: 'incident', priority: null, updatedAtMs: base.updatedAtMs });
    expect(state.facts).toBeNull();
    expect(state.history).toEqual({ rebuiltAtMs: NOW, complete: true, gaps: [] });
  });
});

describe('rebuildWorkflowState: what the worker wrote, from its note markers', () => {
  const notes = [
    { text: `Escalation level 1 …\n[xsw:esc:${ID}:response:service_support_manager]`, createdAtMs: at('2026-03-27T16:00:00Z') },
    { text: `Start …\n[xsw:start:${ID}]`, createdAtMs: at('2026-03-27T15:00:00Z') },
    { text: `SLA warning …\n[xsw:esc:${ID}:response:warning]\n\nChanged …\n[xsw:facts:${ID}:2]`, createdAtMs: at('2026-03-27T15:45:00Z') },
    { text: `Escalated to Xurrent …\n[xsw:esc:${ID}:xurrent:break_fix]`, createdAtMs: at('2026-03-27T16:05:00Z') },
    { text: `Changed …\n[xsw:facts:${ID}:1]`, createdAtMs: at('2026-03-27T15:10:00Z') },
    { text: 'A customer copying [xsw:esc:OTHER:resolution:cto] into a note', createdAtMs: at('2026-03-27T16:10:00Z') },
    { text: 'Please call me back', createdAtMs: at('2026-03-27T15:05:00Z') },
  ];

  it('restores escalations in the order they happened, dated at their notes, and the last change-note number', () => {
    const state = rebuildWorkflowState({ ...base, notes }, NOW);
    // Change notes (even of the priority) leave nothing unknown: the final priority counts from registration.
    expect(state.history.complete).toBe(true);
    expect(state.escalations).toEqual([
      { key: 'response:warning', level: 'warning', target: 'response', atMs: at('2026-03-27T15:45:00Z') },
      {
        key: 'response:service_support_manager',
        level: 'service_support_manager',
        target: 'response',
        atMs: at('2026-03-27T16:00:00Z'),
        reason: 'breach',
      },
      { key: 'xurrent:break_fix', level: 'xurrent', target: null, atMs: at('2026-03-27T16:05:00Z') },
    ]);
    expect(state.factsVersion).toBe(2);
    expect(state.notesWritten).toBe(5);
  });

  it("marks the stopped period that starts at the worker's ask as its incomplete_request pause", () => {
    const state = rebuildWorkflowState(
      {
        ...base,
        sla: {
          actualResponseAtMs: at('2026-03-27T09:00:00Z'),
          actualResolutionAtMs: null,
          stoppedPeriods: [
            { fromMs: at('2026-03-27T09:00:01Z'), toMs: at('2026-03-27T11:00:00Z') },
            { fromMs: at('2026-03-27T13:00:00Z'), toMs: null },
          ],
        },
        notes: [{ text: `Please describe how to reproduce it.\n[xsw:incomplete:${ID}]`, createdAtMs: at('2026-03-27T09:00:00Z') }],
      },
      NOW,
    );
    expect(state.events).toEqual([
      // Xurrent's first response was the worker's own ask: not a person's response.
      { kind: 'status-changed', at: at('2026-03-27T09:00:00Z'), status: 'in_progress', by: 'worker' },
      {
        kind: 'status-changed',
        at: at('2026-03-27T09:00:01Z'),
        status: 'waiting_for_customer',
        reason: 'incomplete_request',
        by: 'worker',
      },
      { kind: 'status-changed', at: at('2026-03-27T11:00:00Z'), status: 'assigned' },
      { kind: 'status-changed', at: at('2026-03-27T13:00:00Z'), status: 'waiting_for_customer' },
    ]);
    expect(state.history.gaps).toEqual([expect.stringMatching(/^response_after_own_write:/)]);
  });

  it('reads a period in which the provider was not accountable as that switch, not a wait', () => {
    const state = rebuildWorkflowState(
      {
        ...base,
        sla: {
          actualResponseAtMs: at('2026-03-27T12:00:00Z'),
          actualResolutionAtMs: null,
          stoppedPeriods: [{ fromMs: at('2026-03-27T09:00:00Z'), toMs: at('2026-03-27T11:00:00Z'), notAccountable: true }],
        },
      },
      NOW,
    );
    expect(state.events).toEqual([
      { kind: 'accountability-changed', at: at('2026-03-27T09:00:00Z'), notAccountable: true },
      { kind: 'accountability-changed', at: at('2026-03-27T11:00:00Z'), notAccountable: false },
      { kind: 'status-changed', at: at('2026-03-27T12:00:00Z'), status: 'in_progress' },
    ]);
  });

  it('says what it could not recover instead of guessing silently', () => {
    const state = rebuildWorkflowState({ ...base, notes, reopenCount: 1 }, NOW);
    expect(state.history.complete).toBe(false);
    expect(state.history.gaps.map((g) => g.split(':')[0])).toEqual(['reopened']);
  });

  it('without an affected SLA keeps no status history and leaves the first observation to date the status', () => {
    const state = rebuildWorkflowState({ ...base, sla: null }, NOW);
    expect(state.events).toEqual([]);
    expect(state.observed).toBeNull();
    expect(state.history.gaps.map((g) => g.split(':')[0])).toEqual(['no_affected_sla']);
  });
});
