import { describe, expect, it } from 'vitest';
import { decideProblem, type IncidentFacts, type ProblemPolicy } from '../../../../../src/domain/problems/detect-problem.js';

const DAY = 86_400_000;
const policy: ProblemPolicy = { impacts: ['high', 'top'], repeatThreshold: 2, windowMs: 30 * DAY };
const T0 = Date.UTC(2026, 2, 2, 9, 0);

function incident(id: string, over: Partial<IncidentFacts> = {}): IncidentFacts {
  return { id, createdAtMs: T0, impact: 'high', priority: 'high', groupKey: 'SI-mail', problemId: null, ...over };
}

describe('decideProblem', () => {
  it('creates a problem for a single Top incident', () => {
    const top = incident('r1', { impact: 'top', priority: 'top' });
    expect(decideProblem(top, [], null, policy)).toMatchObject({ action: 'create', reason: 'top_incident', requestIds: ['r1'] });
  });

  it('does nothing for the first High incident of a group', () => {
    expect(decideProblem(incident('r1'), [], null, policy)).toMatchObject({ action: 'none' });
  });

  it('links two High incidents on one service instance within the window in one problem', () => {
    const first = incident('r1');
    const second = incident('r2', { createdAtMs: T0 + 5 * DAY });
    expect(decideProblem(second, [first, second], null, policy)).toMatchObject({
      action: 'create',
      reason: 'repeated_incidents',
      groupKey: 'SI-mail',
      requestIds: ['r1', 'r2'],
    });
  });

  it('links a third to the open problem of the group, never creating another', () => {
    const third = incident('r3', { createdAtMs: T0 + 6 * DAY });
    const earlier = [incident('r1', { problemId: 'P1' }), incident('r2', { createdAtMs: T0 + 5 * DAY, problemId: 'P1' })];
    expect(decideProblem(third, earlier, 'P1', policy)).toEqual({
      action: 'link',
      problemId: 'P1',
      requestIds: ['r3'],
      why: expect.any(String),
    });
  });

  it('also links a Top incident to the open problem of its group', () => {
    const top = incident('r9', { impact: 'top', priority: 'top' });
    expect(decideProblem(top, [], 'P7', policy)).toMatchObject({
      action: 'link',
      problemId: 'P7',
      requestIds: ['r9'],
      reason: 'top_incident',
    });
  });

  it('does nothing for two Medium incidents', () => {
    const a = incident('r1', { impact: 'medium', priority: 'medium' });
    const b = incident('r2', { impact: 'medium', priority: 'medium', createdAtMs: T0 + DAY });
    expect(decideProblem(b, [a], null, policy)).toMatchObject({ action: 'none' });
  });

  it('keeps groups apart', () => {
    const a = incident('r1', { groupKey: 'SI-mail' });
    const b = incident('r2', { groupKey: 'SI-crm', createdAtMs: T0 + DAY });
    expect(decideProblem(b, [a], null, policy)).toMatchObject({ action: 'none' });
  });

  it('counts a Top and a High on one instance as a repeat with one problem for both', () => {
    const top = incident('r1', { impact: 'top', priority: 'top' });
    const high = incident('r2', { createdAtMs: T0 + DAY });
    expect(decideProblem(high, [top], null, policy)).toMatchObject({
      action: 'create',
      reason: 'repeated_incidents',
      requestIds: ['r1', 'r2'],
    });
  });

  it('lets incidents older than the window expire', () => {
    const old = incident('r1');
    const late = incident('r2', { createdAtMs: T0 + 31 * DAY });
    expect(decideProblem(late, [old], null, policy)).toMatchObject({ action: 'none' });
    const edge = incident('r3', { createdAtMs: T0 + 30 * DAY });
    expect(decideProblem(edge, [old], null, policy)).toMatchObject({ action: 'create', requestIds: ['r1', 'r3'] });
  });

  it('honours a higher threshold and a custom impact set', () => {
    const strict = { ...policy, repeatThreshold: 3, impacts: ['medium', 'high', 'top'] as const };
    const a = incident('r1', { impact: 'medium', priority: 'medium' });
    const b = incident('r2', { impact: 'medium', priority: 'medium', createdAtMs: T0 + DAY });
    const c = incident('r3', { impact: 'medium', priority: 'medium', createdAtMs: T0 + 2 * DAY });
    expect(decideProblem(b, [a], null, strict)).toMatchObject({ action: 'none' });
    expect(decideProblem(c, [a, b], null, strict)).toMatchObject({ action: 'create', requestIds: ['r1', 'r2', 'r3'] });
  });

  it('ignores incidents already linked and incidents registered after this one', () => {
    const linked = incident('r1', { problemId: 'P1' });
    expect(decideProblem(linked, [], null, policy)).toMatchObject({ action: 'none' });
    const later = incident('r5', { createdAtMs: T0 + 2 * DAY });
    expect(decideProblem(incident('r4'), [later], null, policy)).toMatchObject({ action: 'none' });
  });

  it('makes a Top incident without a group its own problem', () => {
    const top = incident('r1', { impact: 'top', priority: 'top', groupKey: null });
    expect(decideProblem(top, [], 'P-unrelated', policy)).toMatchObject({ action: 'create', reason: 'top_incident', groupKey: null });
  });

  describe('a Top incident already linked to a problem (§2.3, §3.3: its own RCA, always)', () => {
    const top = incident('r7', { impact: 'top', priority: 'top', problemId: 'P3' });

    it('adds its own promise to the open problem that lacks it, linking nothing else', () => {
      expect(decideProblem(top, [incident('r1'), incident('r2')], 'P3', policy, { open: true, hasTopPromise: false })).toEqual({
        action: 'link',
        problemId: 'P3',
        requestIds: ['r7'],
        reason: 'top_incident',
        why: expect.any(String),
      });
      // Linked by hand to a problem that is not the group's own: the promise goes to the linked one.
      expect(decideProblem(top, [], null, policy, { open: true, hasTopPromise: false })).toMatchObject({
        action: 'link',
        problemId: 'P3',
        reason: 'top_incident',
      });
    });

    it('does nothing once the promise is there, on a declined problem, or when the problem was not read', () => {
      expect(decideProblem(top, [], 'P3', policy, { open: true, hasTopPromise: true })).toMatchObject({ action: 'none' });
      expect(decideProblem(top, [], null, policy, { open: false, declined: true, hasTopPromise: false })).toMatchObject({ action: 'none' });
      expect(decideProblem(top, [], null, policy, { open: false, hasTopPromise: false })).toMatchObject({ action: 'none' });
      expect(decideProblem(top, [], 'P3', policy)).toMatchObject({ action: 'none' });
    });

    it('adds the Top incident its own promise on a solved problem: the cause came back (§2.3 "telkens")', () => {
      expect(decideProblem(top, [], null, policy, { open: false, declined: false, hasTopPromise: false })).toMatchObject({
        action: 'link',
        reason: 'top_incident',
      });
    });

    it('leaves a linked incident that is not Top alone', () => {
      expect(decideProblem(incident('r1', { problemId: 'P3' }), [], 'P3', policy, { open: true, hasTopPromise: false })).toMatchObject({
        action: 'none',
      });
    });
  });
});
