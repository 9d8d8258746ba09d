import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

const problemsOf = configProblemsOf;

describe('sla configuration', () => {
  it('defaults to the contract: Amsterdam, Mon–Fri 08:30–17:30, contract targets and goals', () => {
    const { sla } = loadConfig({});
    expect(sla.calendar.zone).toBe('Europe/Amsterdam');
    expect(sla.calendar.weekly.map((day) => day.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(sla.calendar.weekly[0]).toEqual([{ startMinute: 510, endMinute: 1050 }]);
    expect(sla.calendar.holidays).toEqual({ dates: [], regions: [] });
    expect(sla.targets.top).toEqual({ responseMs: 3_600_000, resolutionMs: 14_400_000 });
    expect(sla.goals).toEqual({ top: 100, high: 80, medium: 80, low: 80 });
    expect(sla.warningPercent).toBe(75);
    // §3.2: resolution time starts once the root cause has been determined.
    expect(sla.resolutionClockStart).toBe('root_cause');
    expect(sla.rootCauseTags).toEqual(['#rootcause', '#hoofdoorzaak']);
    expect(sla.rootCauseReminderMs).toBe(2 * 3_600_000);
    expect(sla.excuseTags).toEqual(['#excused', '#uitgesloten']);
  });

  it('reads every variable', () => {
    const { sla } = loadConfig({
      SUPPORT_TIMEZONE: 'America/New_York',
      SUPPORT_HOURS: 'Mon-Thu 08:30-12:00,13:00-17:30; Fri 08:30-15:00',
      SUPPORT_HOLIDAYS: '2026-12-24, NL',
      SLA_TARGETS: 'top=30m/2h,high=9h/18h,medium=18h/45h,low=18h/90h',
      SLA_GOALS: 'top=95,high=80,medium=80,low=70',
      SLA_WARNING_PERCENT: '80',
      RESOLUTION_CLOCK_START: 'created',
      ROOT_CAUSE_TAGS: '#rca',
      ROOT_CAUSE_REMINDER: '30m',
      EXCUSE_TAGS: '#klant, #extern',
    });
    expect(sla.calendar.zone).toBe('America/New_York');
    expect(sla.calendar.weekly[4]).toEqual([{ startMinute: 510, endMinute: 900 }]);
    expect(sla.calendar.holidays).toEqual({ dates: ['2026-12-24'], regions: ['NL'] });
    expect(sla.targets.top.responseMs).toBe(1_800_000);
    expect(sla.goals.low).toBe(70);
    expect(sla.warningPercent).toBe(80);
    expect(sla.resolutionClockStart).toBe('created');
    expect(sla.rootCauseTags).toEqual(['#rca']);
    expect(sla.rootCauseReminderMs).toBe(30 * 60_000);
    expect(sla.excuseTags).toEqual(['#klant', '#extern']);
  });

  it('names each bad variable and the bad part of its text', () => {
    const problems = problemsOf({
      SUPPORT_TIMEZONE: 'Europe/Amsterdan',
      SUPPORT_HOURS: 'Mon-Fri 08:30-17:30; Sat 10:00-9:00',
      SUPPORT_HOLIDAYS: '2026-13-01',
      SLA_TARGETS: 'top=1h/4h',
      SLA_GOALS: 'top=150,high=80,medium=80,low=80',
      SLA_WARNING_PERCENT: '0',
      RESOLUTION_CLOCK_START: 'later',
      ROOT_CAUSE_TAGS: '#rootcause,,#x',
      ROOT_CAUSE_REMINDER: 'soon',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^SUPPORT_TIMEZONE: "Europe\/Amsterdan" is not an IANA time zone/),
      expect.stringMatching(/^SUPPORT_HOURS: window "10:00-9:00" must end after it starts in "Sat 10:00-9:00"/),
      expect.stringMatching(/^SUPPORT_HOLIDAYS: "2026-13-01" is not a real date/),
      expect.stringMatching(/^SLA_TARGETS: missing high, medium, low/),
      expect.stringMatching(/^SLA_GOALS: top: "150" must be a percentage/),
      expect.stringMatching(/^SLA_WARNING_PERCENT: must be at least 1/),
      expect.stringMatching(/^RESOLUTION_CLOCK_START: must be one of created, root_cause/),
      expect.stringMatching(/^ROOT_CAUSE_TAGS: must be a comma-separated list of tags/),
      expect.stringMatching(/^ROOT_CAUSE_REMINDER: must be business time/),
    ]);
  });

  it('refuses a service instance in both the SLA scope and the Xurrent Service', () => {
    expect(problemsOf({ SLA_SERVICE_INSTANCE_IDS: 'SI-IV,SI-X', XURRENT_SERVICE_INSTANCE_IDS: 'SI-X' })).toEqual([
      expect.stringMatching(/^SLA_SERVICE_INSTANCE_IDS: lists SI-X, also in XURRENT_SERVICE_INSTANCE_IDS/),
    ]);
    expect(loadConfig({ SLA_SERVICE_INSTANCE_IDS: 'SI-IV, SI-IV2' }).workflow.slaServiceInstanceIds).toEqual(['SI-IV', 'SI-IV2']);
    expect(loadConfig({}).workflow.slaServiceInstanceIds).toBeNull();
  });
});
