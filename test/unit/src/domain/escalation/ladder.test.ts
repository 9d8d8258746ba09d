import { describe, expect, it } from 'vitest';
import { dueEscalations, ladderSteps, nextEscalation, type TargetProgress } from '../../../../../src/domain/escalation/ladder.js';

const H = 3_600_000;
const policy = { warningPercent: 75, l2AfterPercent: 100 };
const resolution = (elapsedMs: number, stopped = false): TargetProgress => ({ target: 'resolution', allowedMs: 4 * H, elapsedMs, stopped });
const response = (elapsedMs: number, stopped = false): TargetProgress => ({ target: 'response', allowedMs: H, elapsedMs, stopped });

describe('escalation ladder', () => {
  it('puts the warning at the warning share, level 1 at the breach and level 2 a further share later', () => {
    expect(ladderSteps('resolution', 4 * H, policy).map((s) => [s.level, s.atElapsedMs / H])).toEqual([
      ['warning', 3],
      ['service_support_manager', 4],
      ['cto', 8],
    ]);
    expect(ladderSteps('response', H, policy).map((s) => s.level)).toEqual(['warning', 'service_support_manager']);
    expect(ladderSteps('resolution', 4 * H, { warningPercent: 50, l2AfterPercent: 25 }).map((s) => s.atElapsedMs / H)).toEqual([2, 4, 5]);
  });

  it.each([
    [2.99 * H, []],
    [3 * H, ['resolution:warning']],
    [4 * H, ['resolution:warning', 'resolution:service_support_manager']],
    [8 * H, ['resolution:warning', 'resolution:service_support_manager', 'resolution:cto']],
  ])('at %d ms used, steps due are %j', (elapsed, keys) => {
    expect(dueEscalations([resolution(elapsed)], new Set(), policy).map((s) => s.key)).toEqual(keys);
  });

  it('never repeats a step that happened', () => {
    const done = new Set(['resolution:warning', 'resolution:service_support_manager']);
    expect(dueEscalations([resolution(5 * H)], done, policy)).toEqual([]);
    expect(dueEscalations([resolution(9 * H)], done, policy).map((s) => s.key)).toEqual(['resolution:cto']);
  });

  it('escalates nothing for a stopped target', () => {
    expect(dueEscalations([response(2 * H, true), resolution(9 * H, true)], new Set(), policy)).toEqual([]);
  });

  it('keeps targets apart', () => {
    const keys = dueEscalations([response(H), resolution(H)], new Set(), policy).map((s) => s.key);
    expect(keys).toEqual(['response:warning', 'response:service_support_manager']);
  });

  it('names the next threshold ahead for the timer', () => {
    expect(nextEscalation(resolution(H), new Set(), policy)?.key).toBe('resolution:warning');
    expect(nextEscalation(resolution(3.5 * H), new Set(['resolution:warning']), policy)?.atElapsedMs).toBe(4 * H);
    expect(
      nextEscalation(resolution(8 * H), new Set(['resolution:warning', 'resolution:service_support_manager', 'resolution:cto']), policy),
    ).toBeUndefined();
    expect(nextEscalation(response(0.5 * H, true), new Set(), policy)).toBeUndefined();
  });
});
