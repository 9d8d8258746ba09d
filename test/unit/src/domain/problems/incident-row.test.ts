import { describe, expect, it } from 'vitest';
import { mayNeedProblem } from '../../../../../src/domain/problems/incident-row.js';

const impacts = ['high', 'top'];

describe('mayNeedProblem (which incidents get a problem check)', () => {
  it('checks an unlinked incident that is Top or disrupts production, and no other', () => {
    expect(mayNeedProblem({ priority: 'high', impact: 'high', problemId: null }, impacts)).toBe(true);
    expect(mayNeedProblem({ priority: 'medium', impact: 'medium', problemId: null }, impacts)).toBe(false);
  });

  it('checks a Top incident also when it is linked already (its own RCA promise may be missing), not a linked High', () => {
    expect(mayNeedProblem({ priority: 'top', impact: 'top', problemId: 'P1' }, impacts)).toBe(true);
    expect(mayNeedProblem({ priority: 'high', impact: 'high', problemId: 'P1' }, impacts)).toBe(false);
  });
});
