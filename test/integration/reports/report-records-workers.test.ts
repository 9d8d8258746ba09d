import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { problemUpdate } from '../../../src/simulator/problem-mutations.js';
import { createReportStore } from '../../../src/reports/report-store.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { startProblemWorld } from '../../helpers/problem-world.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
// Registration pauses are covered by their own tests; here the records follow the SLA clock alone.
// Both SLA records from registration (resolution not waiting for a root cause).
const world = await startProblemWorld({ env: { COMPLETENESS_RULES: 'none', RESOLUTION_CLOCK_START: 'created' } });
const store = createReportStore(redis, world.prefix, 400, createLogCapture().logger);
afterAll(async () => {
  await world.close();
  redis.disconnect();
});

describe('report records written by the real workers', () => {
  it('keeps the request, its two SLA records and its problem, and marks the problem solved', async () => {
    const si = world.sim.demo.serviceInstanceIds.email;
    const r1 = world.incident('top', si);
    await world.reconcile(r1);
    const problem = world.problems()[0] ?? expect.unreachable('no problem');
    const far = Date.now() + 86_400_000;
    const kept = await store.readUntil(far);
    expect(kept.requests).toEqual([expect.objectContaining({ requestId: r1, kind: 'incident', priority: 'top', serviceInstance: si })]);
    expect(kept.records.map((r) => [r.requestId, r.target, r.priority, r.actualMs]).sort()).toEqual([
      [r1, 'resolution', 'top', null],
      [r1, 'response', 'top', null],
    ]);
    expect(kept.problems).toEqual([
      {
        problemId: problem.id,
        number: problem.problemId,
        reason: 'top_incident',
        createdAtMs: expect.any(Number),
        rcaDueMs: Date.parse(problem.analysisTargetAt ?? ''),
        solvedAtMs: null,
        requestIds: [r1],
        rcaReportAtMs: null,
        promises: [{ reason: 'top_incident', subject: r1, dueMs: Date.parse(problem.analysisTargetAt ?? '') }],
      },
    ]);

    problemUpdate(
      world.sim.store,
      { personId: world.sim.demo.apiUserId, changes: [] },
      { id: problem.id, status: 'solved', workaround: 'restart' },
    );
    await world.sendProblemEvents(problem.id, 'problem.status-changed');
    const solvedAtMs = Date.parse(world.sim.store.problems.get(problem.id)?.solvedAt ?? '');
    await waitFor(async () => (await store.readUntil(far)).problems[0]?.solvedAtMs === solvedAtMs, 'problem marked solved');
  });
});
