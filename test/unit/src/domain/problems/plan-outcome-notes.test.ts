import { describe, expect, it } from 'vitest';
import { planOutcomeNotes, type SolvedProblem } from '../../../../../src/domain/problems/plan-outcome-notes.js';

const format = (ms: number | null) => (ms === null ? 'none' : new Date(ms).toISOString());
const problem = (over: Partial<SolvedProblem> = {}): SolvedProblem => ({
  id: 'P1',
  label: '#4',
  subject: 'Repeated incidents on Mail',
  status: 'solved',
  solvedAtMs: Date.UTC(2026, 3, 1, 10),
  knownError: false,
  workaround: null,
  incidents: [
    { id: 'R1', noteTexts: [] },
    { id: 'R2', noteTexts: ['Support worker: …\n[xsw:problem-solved:P1]'] },
  ],
  ...over,
});

describe('planOutcomeNotes', () => {
  it.each([
    ['an open problem', { status: 'in_progress' }, []],
    ['a solved problem: only incidents not told yet', {}, ['R1']],
    ['a declined problem', { status: 'declined' }, []],
  ] as const)('%s', (_case, over, requests) => {
    expect(planOutcomeNotes(problem(over), format).map((n) => n.requestId)).toEqual(requests);
  });

  it('names the problem, when it was solved, the known error and the workaround, with a marker', () => {
    const [note] = planOutcomeNotes(problem({ knownError: true, workaround: 'restart the relay' }), format);
    expect(note?.internalNote).toBe(
      [
        'Support worker: problem #4 (Repeated incidents on Mail) is solved since 2026-04-01T10:00:00.000Z; its root-cause analysis is on the problem.',
        'The cause is recorded as a known error.',
        'Workaround: restart the relay',
        '[xsw:problem-solved:P1]',
      ].join('\n'),
    );
  });
});
