import { describe, expect, it } from 'vitest';
import { nextWakeUpMs } from '../../../../../src/domain/workflow/next-wake-up.js';

describe('nextWakeUpMs', () => {
  it.each([
    { name: 'nothing pending', response: null, resolution: null, reminder: null, expected: null },
    { name: 'response threshold first', response: 1_000, resolution: 5_000, reminder: null, expected: 1_000 },
    { name: 'resolution only (responded)', response: null, resolution: 5_000, reminder: null, expected: 5_000 },
    {
      name: 'reminder before any threshold (clock paused while incomplete)',
      response: null,
      resolution: null,
      reminder: 700,
      expected: 700,
    },
    { name: 'earliest of all three', response: 3_000, resolution: 2_000, reminder: 9_000, expected: 2_000 },
  ])('$name', ({ response, resolution, reminder, expected }) => {
    expect(nextWakeUpMs({ timers: { response, resolution }, reminderAtMs: reminder })).toBe(expected);
  });
});
