import { describe, expect, it } from 'vitest';
import {
  ASK_MATCH_MS,
  escalationsFromNotes,
  historyFromXurrent,
  incompleteAsksFromNotes,
} from '../../../../../src/domain/reports/history-from-xurrent.js';

const t = (time: string) => Date.parse(`2026-01-12T${time}:00Z`);

describe('historyFromXurrent', () => {
  it('turns the SLA accounting into the events the clock replays', () => {
    const events = historyFromXurrent({
      createdAtMs: t('08:00'),
      priority: 'high',
      status: 'completed',
      actualResponseAtMs: t('09:00'),
      actualResolutionAtMs: t('12:00'),
      stoppedClockPeriods: [
        { fromMs: t('09:00'), toMs: t('10:00') },
        { fromMs: t('11:00'), toMs: null },
      ],
    });
    expect(events).toEqual([
      { kind: 'created', at: t('08:00'), priority: 'high' },
      { kind: 'status-changed', at: t('09:00'), status: 'in_progress' },
      { kind: 'status-changed', at: t('09:00'), status: 'waiting_for_customer' },
      // Who ended the wait Xurrent does not say: the end is no response of its own.
      { kind: 'status-changed', at: t('10:00'), status: 'assigned' },
      { kind: 'status-changed', at: t('11:00'), status: 'waiting_for_customer' },
      { kind: 'status-changed', at: t('12:00'), status: 'completed' },
    ]);
  });

  it('ignores a resolution instant while the request is open again', () => {
    const events = historyFromXurrent({
      createdAtMs: t('08:00'),
      priority: 'top',
      status: 'in_progress',
      actualResponseAtMs: null,
      actualResolutionAtMs: t('09:00'),
      stoppedClockPeriods: [],
    });
    expect(events).toEqual([{ kind: 'created', at: t('08:00'), priority: 'top' }]);
  });
});

describe('historyFromXurrent: registration pauses', () => {
  it("records the stopped period that starts at the worker's ask as incomplete_request, and no other", () => {
    const events = historyFromXurrent({
      createdAtMs: t('08:00'),
      priority: 'high',
      status: 'in_progress',
      actualResponseAtMs: t('08:00'),
      actualResolutionAtMs: null,
      // Asked at 08:00 (Xurrent stamped the period a second later); an agent's own wait at 11:00.
      stoppedClockPeriods: [
        { fromMs: t('08:00') + 1_000, toMs: t('10:00') },
        { fromMs: t('11:00'), toMs: t('12:00') },
      ],
      incompleteAsksAtMs: [t('08:00')],
    });
    expect(events.filter((e) => e.kind === 'status-changed' && e.status === 'waiting_for_customer')).toEqual([
      { kind: 'status-changed', at: t('08:00') + 1_000, status: 'waiting_for_customer', reason: 'incomplete_request', by: 'worker' },
      { kind: 'status-changed', at: t('11:00'), status: 'waiting_for_customer' },
    ]);
  });

  it('leaves a period starting just outside the tolerance as plain waiting', () => {
    const events = historyFromXurrent({
      createdAtMs: t('08:00'),
      priority: 'high',
      status: 'assigned',
      actualResponseAtMs: t('08:00'),
      actualResolutionAtMs: null,
      stoppedClockPeriods: [{ fromMs: t('08:00') + ASK_MATCH_MS + 1, toMs: null }],
      incompleteAsksAtMs: [t('08:00')],
    });
    expect(events.at(-1)).toEqual({ kind: 'status-changed', at: t('08:00') + ASK_MATCH_MS + 1, status: 'waiting_for_customer' });
  });
});

describe('incompleteAsksFromNotes', () => {
  it('reads the first ask of this request only (answers to replies and reminders pause nothing)', () => {
    const notes = [
      { text: 'Please describe the steps …\n[xsw:incomplete:REQ1]', atMs: t('08:00') },
      { text: 'Still missing …\n[xsw:incomplete:REQ1:2]', atMs: t('09:00') },
      { text: 'A reminder …\n[xsw:incomplete-reminder:REQ1]', atMs: t('10:00') },
      { text: 'internal [xsw:incomplete-internal:REQ1]', atMs: t('08:00') },
      { text: 'other [xsw:incomplete:REQ12]', atMs: t('11:00') },
    ];
    expect(incompleteAsksFromNotes('REQ1', notes)).toEqual([t('08:00')]);
  });
});

describe('escalationsFromNotes', () => {
  it('reads every escalation marker of the request, dated by its note', () => {
    const notes = [
      {
        text: 'SLA warning … [xsw:esc:REQ1:response:warning]\n\nBreach … [xsw:esc:REQ1:response:service_support_manager]',
        atMs: t('09:00'),
      },
      { text: 'start [xsw:start:REQ1]', atMs: t('08:00') },
      { text: 'other request [xsw:esc:REQ2:resolution:cto]', atMs: t('10:00') },
      { text: 'level 2 [xsw:esc:REQ1:resolution:cto]', atMs: t('11:00') },
    ];
    expect(escalationsFromNotes('REQ1', notes)).toEqual([
      { level: 'warning', target: 'response', atMs: t('09:00') },
      { level: 'service_support_manager', target: 'response', atMs: t('09:00') },
      { level: 'cto', target: 'resolution', atMs: t('11:00') },
    ]);
  });
});
