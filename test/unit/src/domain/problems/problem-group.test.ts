import { describe, expect, it } from 'vitest';
import { groupKeyOf, highestImpact, problemSourceIdOf } from '../../../../../src/domain/problems/problem-group.js';
import { computeRcaDueMs } from '../../../../../src/domain/problems/rca-due.js';

describe('groupKeyOf and problemSourceIdOf', () => {
  it.each([
    ['service_instance', 'SI1', 'R1', 'service_instance:SI1', 'service_instance:SI1'],
    ['configuration_item', 'CI9', 'R1', 'configuration_item:CI9', 'configuration_item:CI9'],
    ['service_instance', null, 'R7', null, 'request:R7'],
    ['service_instance', '', 'R7', null, 'request:R7'],
  ] as const)('%s %s → %s / %s', (kind, id, incident, key, sourceId) => {
    expect(groupKeyOf(kind, id)).toBe(key);
    expect(problemSourceIdOf(groupKeyOf(kind, id), incident)).toBe(sourceId);
  });
});

describe('highestImpact', () => {
  it.each([
    [['low', 'high', 'medium'], 'high'],
    [['high', 'top'], 'top'],
    [[null, 'medium'], 'medium'],
    [[null], null],
    [[], null],
  ] as const)('%j → %s', (impacts, expected) => {
    expect(highestImpact(impacts)).toBe(expected);
  });
});

describe('computeRcaDueMs', () => {
  const zone = 'Europe/Amsterdam';
  it.each([
    ['one month, same local time', '2026-03-02T09:00:00Z', 'P1M', '2026-04-02T08:00:00.000Z'],
    ['end of January to end of February', '2026-01-31T10:00:00Z', 'P1M', '2026-02-28T10:00:00.000Z'],
    ['across the autumn DST change', '2026-10-10T08:00:00Z', 'P1M', '2026-11-10T09:00:00.000Z'],
    ['weeks', '2026-03-02T09:00:00Z', 'P2W', '2026-03-16T09:00:00.000Z'],
    ['local date, not UTC date (23:30 UTC is the next day in Amsterdam)', '2026-01-31T23:30:00Z', 'P1M', '2026-02-28T23:30:00.000Z'],
  ])('%s', (_case, registered, due, expected) => {
    expect(new Date(computeRcaDueMs(Date.parse(registered), due, zone)).toISOString()).toBe(expected);
  });

  it('refuses a duration that is not ISO-8601', () => {
    expect(() => computeRcaDueMs(0, 'a month', zone)).toThrow(RangeError);
  });
});
