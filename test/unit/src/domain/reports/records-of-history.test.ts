import { describe, expect, it } from 'vitest';
import { slaRecordsOfHistory } from '../../../../../src/domain/reports/records-of-history.js';
import { outcomeOf } from '../../../../../src/domain/reports/sla-record.js';
import type { RequestEvent, RequestStatus } from '../../../../../src/domain/sla/request-history.js';
import type { Priority, SlaPolicy } from '../../../../../src/domain/sla/sla-policy.js';
import { parseSlaTargets } from '../../../../../src/domain/sla/parse-sla-policy.js';
import { HOUR, calendarOf, ms, valueOf } from '../../../../helpers/calendar.js';

// Amsterdam, Mon–Fri 08:30–17:30 = 07:30Z–16:30Z in January (9 business hours a day). Monday 12 January 2026.
const calendar = calendarOf('Europe/Amsterdam');
const policy: SlaPolicy = {
  targets: valueOf(parseSlaTargets('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h')),
  warningPercent: 75,
  resolutionClockStart: 'created',
};
const t = (time: string, day = 12) => ms(`2026-01-${day}T${time}:00Z`);
const created = (time: string, priority: Priority): RequestEvent => ({ kind: 'created', at: t(time), priority });
const status = (time: string, to: RequestStatus, day = 12): RequestEvent => ({ kind: 'status-changed', at: t(time, day), status: to });
const request = { requestId: 'req-1', category: 'incident', serviceInstance: 'si-1' };

function recordsAt(
  now: number,
  events: RequestEvent[],
  escalations: { level: string; target: 'response' | 'resolution' | null; atMs: number }[] = [],
) {
  const [response, resolution] = slaRecordsOfHistory(request, events, escalations, now, calendar, policy);
  return { response, resolution };
}

describe('slaRecordsOfHistory', () => {
  it('records a met response and a resolution with time waiting for the customer paused', () => {
    const events = [
      created('08:00', 'high'),
      status('10:00', 'accepted'),
      status('11:00', 'waiting_for_customer'),
      status('14:00', 'in_progress'),
      status('15:00', 'completed'),
    ];
    const { response, resolution } = recordsAt(t('16:00'), events);
    // Response: 9 business hours from Mon 08:00Z = 8.5 h on Monday + 0.5 h from Tuesday 07:30Z.
    expect(response).toMatchObject({
      target: 'response',
      priority: 'high',
      startMs: t('08:00'),
      dueMs: t('08:00', 13),
      actualMs: t('10:00'),
      pausedBusinessMs: 0,
      pausedByReason: {},
    });
    // Resolution ran 08:00–11:00 and 14:00–15:00 (4 h of 18 h); had it gone on after 15:00 the 14 h left run out
    // Wednesday 11:00Z (1.5 h Monday, 9 h Tuesday, 3.5 h Wednesday). Paused 11:00–14:00: 3 business hours.
    expect(resolution).toMatchObject({
      actualMs: t('15:00'),
      dueMs: t('11:00', 14),
      pausedBusinessMs: 3 * HOUR,
      pausedByReason: { waiting_for_customer: 3 * HOUR },
      pausedSinceMs: null,
      reopened: 0,
    });
    expect([outcomeOf(response!, t('16:00')), outcomeOf(resolution!, t('16:00'))]).toEqual(['met', 'met']);
  });

  it('counts a reopened request to its last completion, the completed stretch as paused', () => {
    const events = [
      created('08:00', 'top'),
      status('08:30', 'in_progress'),
      status('09:00', 'completed'),
      status('10:00', 'in_progress'),
      status('12:00', 'completed'),
    ];
    const { resolution } = recordsAt(t('13:00'), events);
    // Ran 08:00–09:00 and 10:00–12:00: 3 h of 4 h; the hour left runs out at 13:00Z.
    expect(resolution).toMatchObject({
      actualMs: t('12:00'),
      dueMs: t('13:00'),
      pausedBusinessMs: HOUR,
      pausedByReason: { completed_then_reopened: HOUR },
      reopened: 1,
    });
    expect(outcomeOf(resolution!, t('13:00'))).toBe('met');
  });

  it('records running targets past due as breached, with the status at due and the escalations per target', () => {
    const escalations = [
      { level: 'service_support_manager', target: 'response' as const, atMs: t('09:00') },
      { level: 'warning', target: 'response' as const, atMs: t('08:45') },
      { level: 'xurrent', target: null, atMs: t('08:00') },
    ];
    const { response, resolution } = recordsAt(t('13:00'), [created('08:00', 'top')], escalations);
    expect(response).toMatchObject({
      actualMs: null,
      dueMs: t('09:00'),
      breachReason: 'status at due: assigned',
      escalations: ['warning', 'service_support_manager'],
    });
    expect(resolution).toMatchObject({ actualMs: null, dueMs: t('12:00'), breachReason: 'status at due: assigned', escalations: [] });
    expect(outcomeOf(resolution!, t('13:00'))).toBe('breached');
  });

  it('keeps a clock paused within target running in reports, whatever the report instant', () => {
    const events = [created('08:00', 'high'), status('09:00', 'waiting_for_customer')];
    const now = t('12:00', 16);
    const { response, resolution } = recordsAt(now, events);
    expect(response).toMatchObject({ actualMs: t('09:00') });
    // 17 h left from Monday 09:00Z: 7.5 h Monday, 9 h Tuesday, 0.5 h Wednesday → Wednesday 08:00Z (a projection).
    // Paused from 09:00 Monday to Friday 12:00: 7.5 + 9 + 9 + 9 + 4.5 = 39 business hours.
    expect(resolution).toMatchObject({
      actualMs: null,
      dueMs: t('08:00', 14),
      pausedSinceMs: t('09:00'),
      pausedBusinessMs: 39 * HOUR,
      pausedByReason: { waiting_for_customer: 39 * HOUR },
    });
    expect(outcomeOf(resolution!, now)).toBe('running');
  });

  it('splits paused time by the reason the history records for a pause', () => {
    const incomplete = { ...status('08:30', 'waiting_for_customer'), reason: 'incomplete_request' } as unknown as RequestEvent;
    const events = [
      created('08:00', 'high'),
      incomplete,
      status('10:30', 'in_progress'),
      status('11:00', 'waiting_for_customer'),
      status('12:00', 'in_progress'),
    ];
    const { resolution } = recordsAt(t('13:00'), events);
    expect(resolution).toMatchObject({
      pausedBusinessMs: 3 * HOUR,
      pausedByReason: { incomplete_request: 2 * HOUR, waiting_for_customer: HOUR },
    });
  });

  it('keeps no record for requests that are not incidents', () => {
    expect(slaRecordsOfHistory({ ...request, category: 'rfi' }, [created('08:00', 'low')], [], t('09:00'), calendar, policy)).toEqual([]);
  });
});

describe('slaRecordsOfHistory under the root-cause start (§3.2)', () => {
  const rootCause = { ...policy, resolutionClockStart: 'root_cause' as const };
  const resolutionOf = (events: RequestEvent[]) =>
    slaRecordsOfHistory(request, events, [], t('16:00'), calendar, rootCause).find((r) => r.target === 'resolution');

  it('keeps when the root cause was determined on the resolution record, its start', () => {
    const events = [created('08:00', 'high'), status('09:00', 'accepted'), { kind: 'root-cause-recorded', at: t('10:00') } as RequestEvent];
    expect(resolutionOf([...events, status('15:00', 'completed')])).toMatchObject({ startMs: t('10:00'), rootCauseAtMs: t('10:00') });
  });

  it('dates the root cause at its note, also when the clock started later because the request was waiting', () => {
    const events = [
      created('08:00', 'high'),
      status('09:00', 'waiting_for_customer'),
      { kind: 'root-cause-recorded', at: t('10:00') } as RequestEvent,
      status('11:00', 'in_progress'),
    ];
    expect(resolutionOf(events)).toMatchObject({ startMs: t('11:00'), rootCauseAtMs: t('10:00') });
  });

  it('says null when the request was completed without one (counted from registration), and nothing under the registration start', () => {
    const events = [created('08:00', 'high'), status('09:00', 'accepted'), status('15:00', 'completed')];
    expect(resolutionOf(events)).toMatchObject({ startMs: t('08:00'), rootCauseAtMs: null });
    expect(recordsAt(t('16:00'), events).resolution).not.toHaveProperty('rootCauseAtMs');
  });
});
