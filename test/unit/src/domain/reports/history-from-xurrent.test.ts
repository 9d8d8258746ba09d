import { describe, expect, it } from 'vitest';
import { escalationsFromNotes, historyFromXurrent } from '../../../../../src/domain/reports/history-from-xurrent.js';

const t = (time: string) => Date.parse(`2026-01-12T${time}:00Z`);

describe('historyFromXurrent', () => {
  it('turns the SLA accounting into the events the clock replays', () => {
    const events = historyFromXurrent({
      createdAtMs: t('08:00'),
      priority: 'high',
      status: 'completed',
      actualResponseAtMs: t('09:00'),
      actualResolutionAtMs: t('12:00'),
      stoppedClockPeriods: [{ fromMs: t('09:00'), toMs: t('10:00') }, { fromMs: t('11:00'), toMs: null }],
    });
    expect(events).toEqual([
      { kind: 'created', at: t('08:00'), priority: 'high' },
      { kind: 'status-changed', at: t('09:00'), status: 'in_progress' },
      { kind: 'status-changed', at: t('09:00'), status: 'waiting_for_customer' },
      { kind: 'status-changed', at: t('10:00'), status: 'in_progress' },
      { kind: 'status-changed', at: t('11:00'), status: 'waiting_for_customer' },
      { kind: 'status-changed', at: t('12:00'), status: 'completed' },
    ]);
  });

  it('ignores a resolution instant while the request is open again', () => {
    const events = historyFromXurrent({ createdAtMs: t('08:00'), priority: 'top', status: 'in_progress', actualResponseAtMs: null, actualResolutionAtMs: t('09:00'), stoppedClockPeriods: [] });
    expect(events).toEqual([{ kind: 'created', at: t('08:00'), priority: 'top' }]);
  });
});

describe('escalationsFromNotes', () => {
  it('reads every escalation marker of the request, dated by its note', () => {
    const notes = [
      { text: 'SLA warning … [xsw:esc:REQ1:response:warning]\n\nBreach … [xsw:esc:REQ1:response:service_support_manager]', atMs: t('09:00') },
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
