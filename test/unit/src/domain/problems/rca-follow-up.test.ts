import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../../src/domain/calendar/business-calendar.js';
import { parseSupportHours } from '../../../../../src/domain/calendar/parse-support-hours.js';
import { computeRcaWarningAtMs, planRcaFollowUp, type RcaProblem } from '../../../../../src/domain/problems/rca-follow-up.js';

const hours = parseSupportHours('Mon-Fri 08:30-17:30');
if (!hours.ok) throw new Error(hours.error);
const calendar = createBusinessCalendar({
  zone: 'Europe/Amsterdam',
  weekly: hours.value,
  holidays: { dates: ['2026-04-06'], regions: [] },
});
const iso = (ms: number) => new Date(ms).toISOString();
const at = Date.parse;

describe('computeRcaWarningAtMs', () => {
  it.each([
    ['5 business days before a Friday: the Friday before', '2026-04-17T08:00:00Z', 5, '2026-04-10T08:00:00.000Z'],
    ['over a weekend', '2026-04-14T08:00:00Z', 1, '2026-04-13T08:00:00.000Z'],
    ['skipping Easter Monday (a holiday)', '2026-04-07T08:00:00Z', 1, '2026-04-03T08:00:00.000Z'],
    ['a target on a Sunday counts back from Friday', '2026-04-19T10:00:00Z', 1, '2026-04-17T10:00:00.000Z'],
    ['0 days: the target itself', '2026-04-17T08:00:00Z', 0, '2026-04-17T08:00:00.000Z'],
  ])('%s', (_case, due, days, expected) => {
    expect(iso(computeRcaWarningAtMs(at(due), days, calendar))).toBe(expected);
  });
});

describe('planRcaFollowUp', () => {
  const policy = {
    warningBusinessDays: 5,
    serviceSupportManagerId: 'SSM',
    calendar,
    format: (ms: number | null) => (ms === null ? 'none' : iso(ms)),
  };
  const due = at('2026-04-17T08:00:00Z');
  const problem = (over: Partial<RcaProblem> = {}): RcaProblem => ({
    id: 'P1',
    label: '#4',
    status: 'assigned',
    analysisTargetAtMs: due,
    noteTexts: [],
    ...over,
  });
  const marker = (stage: string) => `[xsw:rca-${stage}:P1:${due}]`;

  it.each([
    [
      'warning too early: wait for the warning instant',
      {},
      'warning',
      '2026-04-01T08:00:00Z',
      { action: 'wait', untilMs: at('2026-04-10T08:00:00Z') },
    ],
    ['warning inside the last 5 business days', {}, 'warning', '2026-04-13T08:00:00Z', { action: 'note' }],
    ['warning once the target passed: none', {}, 'warning', '2026-04-18T08:00:00Z', { action: 'none' }],
    ['overdue before the target (moved later): wait', {}, 'overdue', '2026-04-16T08:00:00Z', { action: 'wait', untilMs: due }],
    ['overdue after the target', {}, 'overdue', '2026-04-17T08:00:00Z', { action: 'note' }],
    [
      'solved without its RCA report: still overdue (issue 17 point 5)',
      { status: 'solved' },
      'overdue',
      '2026-04-20T08:00:00Z',
      { action: 'note' },
    ],
    [
      'the RCA report on the problem: none',
      { status: 'solved', rcaReportAtMs: at('2026-04-10T08:00:00Z') },
      'overdue',
      '2026-04-20T08:00:00Z',
      { action: 'none' },
    ],
    ['declined: none', { status: 'declined' }, 'overdue', '2026-04-20T08:00:00Z', { action: 'none' }],
    ['already noted: none', { noteTexts: [`x\n${marker('overdue')}`] }, 'overdue', '2026-04-20T08:00:00Z', { action: 'none' }],
    ['no target: none', { analysisTargetAtMs: null }, 'overdue', '2026-04-20T08:00:00Z', { action: 'none' }],
  ] as const)('%s', (_case, over, stage, now, expected) => {
    expect(planRcaFollowUp(problem(over), stage, at(now), policy)).toMatchObject(expected);
  });

  it('names the Service Support Manager in the overdue note, with its marker', () => {
    const result = planRcaFollowUp(problem(), 'overdue', at('2026-04-20T08:00:00Z'), policy);
    expect(result).toEqual({ action: 'note', note: expect.stringContaining('Escalated to the Service Support Manager (SSM).') });
    expect(result.action === 'note' && result.note.endsWith(marker('overdue'))).toBe(true);
  });
});
