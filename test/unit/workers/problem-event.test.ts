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

describe('a problem event keeps each RCA promise with its own report (§2.3)', () => {
  it('keeps when each promise was made and every report date, and times the follow-up to the promise still owed', async () => {
    const marker = (subject: string, due: string) => `[xsw:rca-promise:top_incident:${subject}:${Date.parse(due)}]`;
    const problem = agentProblem({
      source: 'xurrent-support-worker',
      analysisTargetAt: '2026-04-03T09:00:00Z',
      notes: {
        nodes: [
          { text: `opened\n${marker('r1', '2026-04-03T09:00:00Z')}`, createdAt: '2026-03-03T09:00:00Z' },
          { text: '#rca the certificate expired', createdAt: '2026-03-05T09:00:00Z' },
          { text: `linked\n${marker('r2', '2026-04-10T09:00:00Z')}`, createdAt: '2026-03-10T09:00:00Z' },
        ],
      },
    });
    const kept: unknown[] = [];
    const timers: { stage: string; fireAtMs: number }[] = [];
    const client = {
      counted: () => ({ request: async () => ({ node: problem }), calls: () => 1 }),
    } as unknown as XurrentClient;
    const deps: ProblemEventDeps = {
      locks: { tryAcquire: async () => ({ release: async () => undefined }) } as unknown as ProblemEventDeps['locks'],
      rcaTimers: {
        schedule: async (t: { stage: string; fireAtMs: number }) => void timers.push(t),
      } as unknown as ProblemEventDeps['rcaTimers'],
      rca: { warningBusinessDays: 0, calendar: { zone: 'UTC' } as unknown as ProblemEventDeps['rca']['calendar'] },
      format: () => '',
      reports: { markProblemSolved: async () => undefined, markProblemRca: async (_id, rca) => void kept.push(rca) },
    };
    const ctx = testJobContext({ xurrent: client, logger: createLogCapture('error').logger, jobId: 'j1' });
    const data = {
      deliveryId: 'd1',
      event: 'problem.update',
      accountId: 'acme',
      problemNodeId: 'prob-1',
      receivedAt: '2026-03-10T09:00:00.000Z',
    };
    await createProblemEventProcessor(deps)(data, ctx);
    expect(kept).toEqual([
      {
        rcaDueMs: Date.parse('2026-04-03T09:00:00Z'),
        rcaReportAtMs: null,
        promises: [
          {
            reason: 'top_incident',
            subject: 'r1',
            dueMs: Date.parse('2026-04-03T09:00:00Z'),
            promisedAtMs: Date.parse('2026-03-03T09:00:00Z'),
          },
          {
            reason: 'top_incident',
            subject: 'r2',
            dueMs: Date.parse('2026-04-10T09:00:00Z'),
            promisedAtMs: Date.parse('2026-03-10T09:00:00Z'),
          },
        ],
        rcaReportTimesMs: [Date.parse('2026-03-05T09:00:00Z')],
      },
    ]);
    expect(timers.find((t) => t.stage === 'overdue')?.fireAtMs).toBe(Date.parse('2026-04-10T09:00:00Z'));
  });
});
