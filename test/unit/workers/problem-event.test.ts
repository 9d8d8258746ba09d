import { describe, expect, it } from 'vitest';
import { PROBLEM_OUTCOME_BY_ID } from '../../../schema/graphql/problem-outcome.js';
import type { XurrentClient } from '../../../src/xurrent/client.js';
import { createProblemEventProcessor, type ProblemEventDeps } from '../../../workers/problem-event.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { testJobContext } from '../../helpers/job-context.js';

/** A problem as Xurrent answers it, opened by an agent (not the worker's source). */
function agentProblem(overrides: Record<string, unknown>) {
  return {
    id: 'prob-1',
    problemId: '7',
    subject: 'Mail',
    status: 'in_progress',
    source: null,
    solvedAt: null,
    analysisTargetAt: null,
    knownError: false,
    workaround: null,
    notes: { nodes: [] },
    requests: { nodes: [{ id: 'req-1', notes: { nodes: [] } }] },
    ...overrides,
  };
}

async function runEvent(problem: Record<string, unknown>): Promise<string[][]> {
  const reconciled: string[][] = [];
  const client = {
    counted: () => ({
      request: async (document: string) => {
        if (document !== PROBLEM_OUTCOME_BY_ID) throw new Error('no other call expected');
        return { node: problem };
      },
      calls: () => 1,
    }),
  } as unknown as XurrentClient;
  const deps: ProblemEventDeps = {
    locks: { tryAcquire: async () => ({ release: async () => undefined }) } as unknown as ProblemEventDeps['locks'],
    rcaTimers: { schedule: async () => undefined } as unknown as ProblemEventDeps['rcaTimers'],
    rca: { warningBusinessDays: 5, calendar: undefined as unknown as ProblemEventDeps['rca']['calendar'] },
    format: () => '',
    reconcileLinked: async (ids) => void reconciled.push([...ids]),
  };
  const ctx = testJobContext({ xurrent: client, logger: createLogCapture('error').logger, jobId: 'j1' });
  await createProblemEventProcessor(deps)(
    {
      deliveryId: 'd1',
      event: 'problem.status-changed',
      accountId: 'acme',
      problemNodeId: 'prob-1',
      receivedAt: '2026-03-02T09:00:00.000Z',
    },
    ctx,
  );
  return reconciled;
}

describe('problem events and the linked incidents’ root cause (§3.2)', () => {
  it("reconciles the incidents of an agent's problem once it is analyzed, so the root cause is dated at that change", async () => {
    expect(await runEvent(agentProblem({ status: 'analyzed' }))).toEqual([['req-1']]);
    expect(await runEvent(agentProblem({ workaround: 'restart the connector' }))).toEqual([['req-1']]);
  });

  it('leaves them alone while the problem shows no root cause', async () => {
    expect(await runEvent(agentProblem({}))).toEqual([]);
  });
});
