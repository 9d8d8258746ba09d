import { describe, expect, it } from 'vitest';
import { parseSlaGoals, parseSlaTargets } from '../../../../../src/domain/sla/parse-sla-policy.js';

const H = 3_600_000;

describe('parseSlaTargets', () => {
  it('reads the contract targets in business hours', () => {
    expect(parseSlaTargets('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h')).toEqual({
      ok: true,
      value: {
        top: { responseMs: H, resolutionMs: 4 * H },
        high: { responseMs: 9 * H, resolutionMs: 18 * H },
        medium: { responseMs: 18 * H, resolutionMs: 45 * H },
        low: { responseMs: 18 * H, resolutionMs: 90 * H },
      },
    });
  });

  it('reads minutes and mixed durations, in any order', () => {
    const result = parseSlaTargets('low=1h30m/2h, medium=90m/3h, high=1h/1h, top=15m/30m');
    expect(result.ok && result.value.low).toEqual({ responseMs: 1.5 * H, resolutionMs: 2 * H });
    expect(result.ok && result.value.top).toEqual({ responseMs: H / 4, resolutionMs: H / 2 });
  });

  it.each([
    ['top=1h/4h,high=9h/18h,medium=18h/45h', /missing low/],
    ['top=1h,high=9h/18h,medium=18h/45h,low=18h/90h', /top: "1h" must be <response>\/<resolution>/],
    ['top=0h/4h,high=9h/18h,medium=18h/45h,low=18h/90h', /top: "0h\/4h"/],
    ['top=1d/4h,high=9h/18h,medium=18h/45h,low=18h/90h', /top: "1d\/4h"/],
    ['urgent=1h/4h', /"urgent=1h\/4h" must be <top\|high\|medium\|low>=<value>/],
    ['top=1h/4h,top=1h/4h', /top is given twice/],
  ])('refuses %j', (text, message) => {
    const result = parseSlaTargets(text);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('parseSlaGoals', () => {
  it('reads the older per-priority form as one group per priority', () => {
    expect(parseSlaGoals('top=100,high=80,medium=80,low=72.5')).toEqual({
      ok: true,
      value: [
        { name: 'top', priorities: ['top'], goalPercent: 100 },
        { name: 'high', priorities: ['high'], goalPercent: 80 },
        { name: 'medium', priorities: ['medium'], goalPercent: 80 },
        { name: 'low', priorities: ['low'], goalPercent: 72.5 },
      ],
    });
  });

  it("reads the contract's pooled groups (§3.2: low, medium and high together)", () => {
    expect(parseSlaGoals('top=100; low+medium+high=80')).toEqual({
      ok: true,
      value: [
        { name: 'top', priorities: ['top'], goalPercent: 100 },
        { name: 'low_medium_high', priorities: ['low', 'medium', 'high'], goalPercent: 80 },
      ],
    });
  });

  it.each([
    ['top=100;low+medium=80', 'missing high'],
    ['top=100;low+medium+high+top=80', 'top is given twice'],
    ['top=100;low+medium+urgent=80', '"urgent"'],
    ['top=100;low+medium+high=180', 'percentage'],
  ])('refuses groups %j naming the fault', (text, fault) => {
    const result = parseSlaGoals(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(fault);
  });

  it.each(['top=101,high=80,medium=80,low=80', 'top=-1,high=80,medium=80,low=80', 'top=all,high=80,medium=80,low=80'])(
    'refuses %j',
    (text) => {
      expect(parseSlaGoals(text).ok).toBe(false);
    },
  );
});
