import { describe, expect, it } from 'vitest';
import type { TargetClock } from '../../../../../src/domain/sla/evaluate-target.js';
import type { RequestEvent } from '../../../../../src/domain/sla/request-history.js';
import { computeSlaClock } from '../../../../../src/domain/sla/sla-clock.js';
import type { SlaPolicy } from '../../../../../src/domain/sla/sla-policy.js';
import { HOUR, MINUTE, ms } from '../../../../helpers/calendar.js';
import { calendar, clockAt, created, policy, priority, status, t } from '../../../../helpers/sla-clock-fixtures.js';

/** Elapsed and instants as readable strings, so table rows stay short. */
function summary(target: TargetClock) {
  const at = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString().slice(11, 16));
  return {
    state: target.state,
    elapsedMin: target.elapsedMs / MINUTE,
    remainingMin: target.remainingMs / MINUTE,
    due: at(target.dueAt),
    warning: at(target.warningAt),
  };
}

type Row = { name: string; now: string; events: RequestEvent[]; response?: object; resolution?: object; policy?: SlaPolicy };

const rows: Row[] = [
  {
    name: 'both clocks run from creation',
    now: '08:30',
    events: [created('08:00')],
    response: { state: 'running', elapsedMin: 30, remainingMin: 30, due: '09:00', warning: '08:45' },
    resolution: { state: 'running', elapsedMin: 30, remainingMin: 210, due: '12:00', warning: '11:00' },
  },
  {
    name: 'response met on acceptance before the warning',
    now: '10:00',
    events: [created('08:00'), status('08:40', 'accepted')],
    response: { state: 'met', elapsedMin: 40, due: null, warning: null },
    resolution: { state: 'running', elapsedMin: 120 },
  },
  {
    name: 'response met exactly at its due instant',
    now: '10:00',
    events: [created('08:00'), status('09:00', 'in_progress')],
    response: { state: 'met', elapsedMin: 60, remainingMin: 0, due: '09:00', warning: '08:45' },
  },
  {
    name: 'response breached by a late acceptance',
    now: '10:00',
    events: [created('08:00'), status('09:10', 'accepted')],
    response: { state: 'breached', elapsedMin: 70, remainingMin: 0, due: '09:00' },
  },
  {
    name: 'response breached while still running',
    now: '09:30',
    events: [created('08:00')],
    response: { state: 'breached', elapsedMin: 90, due: '09:00' },
  },
  {
    name: 'events after now are not yet known',
    now: '08:30',
    events: [created('08:00'), status('09:00', 'accepted')],
    response: { state: 'running', elapsedMin: 30 },
  },
  {
    name: 'resolution met on completion (a workaround counts)',
    now: '12:00',
    events: [created('08:00'), status('08:10', 'in_progress'), status('10:00', 'completed')],
    resolution: { state: 'met', elapsedMin: 120, due: null, warning: null },
  },
  {
    name: 'resolution resumes on reopen, keeping the time used before',
    now: '11:30',
    events: [created('08:00'), status('10:00', 'completed'), status('11:00', 'in_progress')],
    response: { state: 'breached', elapsedMin: 120 },
    resolution: { state: 'running', elapsedMin: 150, due: '13:00', warning: '12:00' },
  },
  {
    name: 'both pause while waiting for the customer',
    now: '09:30',
    events: [created('08:00'), status('09:00', 'waiting_for_customer')],
    response: { state: 'met', elapsedMin: 60 },
    resolution: { state: 'paused', elapsedMin: 60, remainingMin: 180, due: null, warning: null },
  },
  {
    name: 'resolution resumes after waiting for the customer; the pause moves the due instant',
    now: '11:00',
    events: [created('08:00'), status('09:00', 'waiting_for_customer'), status('10:00', 'in_progress')],
    resolution: { state: 'running', elapsedMin: 120, due: '13:00', warning: '12:00' },
  },
  {
    name: 'priority lowered: both targets recomputed from the original start',
    now: '09:00',
    events: [created('08:00', 'top'), priority('08:30', 'low')],
    response: { state: 'running', elapsedMin: 60, remainingMin: 17 * 60 },
  },
  {
    name: 'priority raised after a pause: from the original start, keeping the paused time',
    now: '11:45',
    events: [created('08:00', 'low'), status('09:00', 'waiting_for_customer'), status('11:00', 'in_progress'), priority('11:30', 'top')],
    response: { state: 'met', elapsedMin: 60 },
    resolution: { state: 'running', elapsedMin: 105, due: '14:00', warning: '13:00' },
  },
  {
    name: 'priority raised after a slow response: the stopped response is breached against the new target',
    now: '10:00',
    events: [created('08:00', 'low'), status('09:30', 'accepted'), priority('10:00', 'top')],
    response: { state: 'breached', elapsedMin: 90, due: '09:00' },
  },
  {
    name: 'root_cause: resolution has not started before the root cause is recorded',
    now: '08:30',
    policy: { ...policy, resolutionClockStart: 'root_cause' },
    events: [created('08:00')],
    response: { state: 'running', elapsedMin: 30 },
    resolution: { state: 'not-started', elapsedMin: 0, remainingMin: 240, due: null },
  },
  {
    name: 'root_cause: resolution runs from the root cause',
    now: '10:00',
    policy: { ...policy, resolutionClockStart: 'root_cause' },
    events: [created('08:00'), status('08:20', 'in_progress'), { kind: 'root-cause-recorded', at: t('09:00') }],
    resolution: { state: 'running', elapsedMin: 60, due: '13:00' },
  },
  {
    name: 'root_cause is ignored when the resolution clock starts at creation',
    now: '10:00',
    events: [created('08:00'), { kind: 'root-cause-recorded', at: t('09:00') }],
    resolution: { state: 'running', elapsedMin: 120 },
  },
];

describe('computeSlaClock', () => {
  it.each(rows)('$name', ({ now, events, response, resolution, policy: rowPolicy }) => {
    const clock = clockAt(now, events, rowPolicy ? { policy: rowPolicy } : {});
    if (response) expect(summary(clock.response)).toMatchObject(response);
    if (resolution) expect(summary(clock.resolution)).toMatchObject(resolution);
  });

  it.each(['accepted', 'in_progress', 'waiting_for', 'waiting_for_customer', 'completed'] as const)(
    'the first change to %s stops the response clock',
    (to) => {
      expect(clockAt('10:00', [created('08:00'), status('08:30', to)]).response.state).toBe('met');
    },
  );

  it.each(['assigned', 'workflow_pending', 'reservation_pending', 'project_pending'] as const)(
    'a change to %s leaves the response clock running',
    (to) => {
      expect(clockAt('08:50', [created('08:00'), status('08:30', to)]).response.state).toBe('running');
    },
  );

  it('counts business time only: over a weekend the response is due at Monday 08:00Z', () => {
    const friday = ms('2026-01-16T16:00:00Z');
    const monday = ms('2026-01-19T08:00:00Z');
    const clock = computeSlaClock(
      { category: 'incident', events: [{ kind: 'created', at: friday, priority: 'top' }] },
      monday - 1,
      calendar,
      policy,
    );
    expect(clock.hasClock && clock.response).toMatchObject({ state: 'running', elapsedMs: HOUR - 1, remainingMs: 1, dueAt: monday });
  });

  it('calls a clock still running at its due instant breached: it can no longer stop in time', () => {
    const friday = ms('2026-01-16T16:00:00Z');
    const monday = ms('2026-01-19T08:00:00Z');
    const clock = computeSlaClock(
      { category: 'incident', events: [{ kind: 'created', at: friday, priority: 'top' }] },
      monday,
      calendar,
      policy,
    );
    expect(clock.hasClock && clock.response).toMatchObject({
      state: 'breached',
      elapsedMs: HOUR,
      remainingMs: 0,
      percentUsed: 100,
      dueAt: monday,
      stopped: false,
    });
    const stoppedAtDue = computeSlaClock(
      {
        category: 'incident',
        events: [
          { kind: 'created', at: friday, priority: 'top' },
          { kind: 'status-changed', at: monday, status: 'accepted' },
        ],
      },
      monday,
      calendar,
      policy,
    );
    expect(stoppedAtDue.hasClock && stoppedAtDue.response.state).toBe('met');
  });

  it('reports percent used, beyond 100 once breached', () => {
    expect(clockAt('08:15', [created('08:00')]).response.percentUsed).toBe(25);
    expect(clockAt('09:30', [created('08:00')]).response.percentUsed).toBe(150);
  });

  it.each(['rfi', 'rfc', 'order', 'other'] as const)('a request of category %s has no clock', (category) => {
    expect(computeSlaClock({ category, events: [created('08:00')] }, t('09:00'), calendar, policy)).toEqual({
      hasClock: false,
      reason: 'not-an-incident',
    });
  });

  it('a history without its creation has no clock', () => {
    expect(computeSlaClock({ category: 'incident', events: [status('08:30', 'accepted')] }, t('09:00'), calendar, policy)).toEqual({
      hasClock: false,
      reason: 'not-created',
    });
  });
});
