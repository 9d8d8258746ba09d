import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeSlaTargets } from '../../../../../src/domain/sla/compute-sla-targets.js';
import { parseSlaTargets } from '../../../../../src/domain/sla/parse-sla-policy.js';
import { calendarOf, iso, ms, valueOf } from '../../../../helpers/calendar.js';

/** One published vector: a calendar, a start, and either a priority's due instants or a plain add. */
type Vector = { timezone: string; hours: string; holidays: string[]; start: string } & (
  | { kind: 'priority'; priority: 'top' | 'high' | 'medium' | 'low'; responseDue: string; resolutionDue: string }
  | { kind: 'add'; minutes: number; due: string }
);

const CONTRACT_TARGETS = valueOf(parseSlaTargets('top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h'));
// The published vectors, copied byte for byte into the repository: a user's clone has nothing beside it.
const VECTORS = new URL('../../../../fixtures/sla-vectors-public.json', import.meta.url);

/** Vector instants are printed without milliseconds when they are zero. */
const printed = (instant: number) => iso(instant).replace('.000Z', 'Z');

function actualOf(vector: Vector): Record<string, string> {
  const calendar = calendarOf(vector.timezone, vector.hours, vector.holidays);
  if (vector.kind === 'add') return { due: printed(calendar.addBusinessMinutes(ms(vector.start), vector.minutes)) };
  const due = computeSlaTargets(vector.priority, ms(vector.start), calendar, CONTRACT_TARGETS);
  return { responseDue: printed(due.responseDue), resolutionDue: printed(due.resolutionDue) };
}

function expectedOf(vector: Vector): Record<string, string> {
  return vector.kind === 'add' ? { due: vector.due } : { responseDue: vector.responseDue, resolutionDue: vector.resolutionDue };
}

describe('published SLA vectors (test/fixtures/sla-vectors-public.json)', () => {
  it('exists (a missing file fails, it is never skipped)', () => {
    expect(existsSync(fileURLToPath(VECTORS)), `not found: ${fileURLToPath(VECTORS)}`).toBe(true);
  });

  it('passes every vector', () => {
    const vectors = JSON.parse(readFileSync(VECTORS, 'utf8')) as Vector[];
    expect(vectors.length).toBeGreaterThan(0);
    const failures = vectors
      .map((vector, index) => ({ index, vector, expected: expectedOf(vector), actual: actualOf(vector) }))
      .filter((row) => JSON.stringify(row.actual) !== JSON.stringify(row.expected));
    expect(failures).toEqual([]);
  });
});
