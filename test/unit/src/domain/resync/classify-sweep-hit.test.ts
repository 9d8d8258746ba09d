import { describe, expect, it } from 'vitest';
import { classifySweepHit } from '../../../../../src/domain/resync/classify-sweep-hit.js';

const START = 1_000_000;
const GRACE = 120_000;

describe('classifySweepHit', () => {
  it.each([
    {
      name: 'already seen this version',
      known: { observedUpdatedAtMs: 900_000, lastWriteAtMs: null },
      updatedAt: 900_000,
      expected: 'known',
    },
    { name: 'never seen, older than the grace period', known: null, updatedAt: START - GRACE, expected: 'missed-webhook' },
    {
      name: 'never seen, within the grace period (its webhook may still come)',
      known: null,
      updatedAt: START - GRACE + 1,
      expected: 'reconcile',
    },
    {
      name: 'newer than what was seen, old enough',
      known: { observedUpdatedAtMs: 100_000, lastWriteAtMs: null },
      updatedAt: 500_000,
      expected: 'missed-webhook',
    },
    {
      name: "the worker's own last write",
      known: { observedUpdatedAtMs: 100_000, lastWriteAtMs: 500_000 },
      updatedAt: 500_000,
      expected: 'reconcile',
    },
    {
      name: "a change after the worker's own write",
      known: { observedUpdatedAtMs: 100_000, lastWriteAtMs: 400_000 },
      updatedAt: 500_000,
      expected: 'missed-webhook',
    },
  ] as const)('$name', ({ known, updatedAt, expected }) => {
    expect(classifySweepHit(known, updatedAt, START, GRACE)).toBe(expected);
  });
});
