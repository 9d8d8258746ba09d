import { describe, expect, it } from 'vitest';
import { createRedis } from '../../../src/redis/connection.js';
import { urlTarget } from '../../../src/redis/redis-target.js';
import { createResyncState, type ResyncStatus } from '../../../src/resync/resync-state.js';
import type { ScenarioReport } from '../../../src/scenario/report.js';
import { runScenario } from '../../../src/scenario/run-scenario.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

/** A complete registration (first line would otherwise ask the requester and pause the clock). */
const DESCRIPTION =
  'Steps to reproduce: 1. sign in as usual; 2. open the application; 3. the problem shows every time, for everyone we asked.';

const N = 25;
const refs = (from: number) => Array.from({ length: N }, (_, i) => `r${from + i}`);

/**
 * 50 requests changed while the worker is down: r1–r25 are registered at 15:00 with the worker up,
 * then each changed once at 15:05 (in progress, impact low → medium, or waiting for the customer);
 * r26–r50 are registered at 15:05. With `lose`, none of the 15:05 webhooks ever arrives (Xurrent
 * gave up); the worker restarts at 15:10 and its start-up sweep must bring every request where the
 * uninterrupted run (same steps, webhooks delivered) has it. No SLA threshold falls between 15:00
 * and 15:20 (Low/Medium incidents: 18 business hours to respond).
 */
function scenario(lose: boolean) {
  const change = (ref: string, i: number) =>
    i % 3 === 0 ? { status: 'in_progress' } : i % 3 === 1 ? { impact: 'medium' } : { status: 'waiting_for_customer' };
  const lost = lose ? { lose: true } : {};
  return {
    // Xurrent's burst limit (20 calls per 2 s) raised here and in the simulator: realistic pacing would make this test take a minute.
    config: { RESYNC_INTERVAL: 'PT5M', XURRENT_BURST_LIMIT: 100, XURRENT_BURST_WINDOW_MS: 500 },
    steps: [
      ...refs(1).map((ref) => ({
        at: '2026-03-27T15:00:00Z',
        create: { ref, impact: 'low', subject: `Slow laptop ${ref}`, description: DESCRIPTION, serviceInstance: 'Mail' },
      })),
      ...refs(1).map((ref, i) => ({ at: '2026-03-27T15:05:00Z', update: { ref, ...change(ref, i) }, ...lost })),
      ...refs(N + 1).map((ref, i) => ({
        at: '2026-03-27T15:05:00Z',
        create: { ref, impact: i % 2 ? 'low' : 'medium', subject: `Mail slow ${ref}`, description: DESCRIPTION, serviceInstance: 'Mail' },
        ...lost,
      })),
      { at: '2026-03-27T15:10:00Z', restart: true },
      { at: '2026-03-27T15:20:00Z' },
    ],
  };
}

interface Run {
  report: ScenarioReport;
  status: ResyncStatus;
  /** Xurrent calls naming each request (reads, history, updates), by request node id. */
  callsPerRequest: Map<string, number>;
  sweepPages: number;
}

async function run(lose: boolean): Promise<Run> {
  let status: ResyncStatus | undefined;
  const callsPerRequest = new Map<string, number>();
  let sweepPages = 0;
  const report = await runScenario(scenario(lose), {
    redisUrl: TEST_REDIS_URL,
    logger: createLogCapture('warn').logger,
    // The 25 changes of one instant arrive as a burst, as a bulk update in Xurrent would.
    settle: 'instant',
    simulatorBudgets: { burstLimit: 100, burstWindowMs: 500 },
    onFinish: async ({ redisUrl, prefix, sim }) => {
      const redis = createRedis(urlTarget(redisUrl), 'worker', 'xsw-test');
      status = await createResyncState(redis, prefix).status();
      redis.disconnect();
      const ids = [...sim.store.requests.keys()];
      for (const call of sim.calls.filter((c) => c.kind !== 'oauth')) {
        if (call.operationName === 'RequestsUpdatedPage') sweepPages += 1;
        const text = JSON.stringify(call.variables);
        for (const id of ids) if (text.includes(`"${id}"`)) callsPerRequest.set(id, (callsPerRequest.get(id) ?? 0) + 1);
      }
    },
  });
  return { report, status: status as ResyncStatus, callsPerRequest, sweepPages };
}

describe('reconciliation sweep after lost webhooks (end to end)', () => {
  it('brings 50 requests to the uninterrupted state with a bounded number of Xurrent calls, and flags the missed webhooks', async () => {
    const uninterrupted = await run(false);
    const swept = await run(true);

    expect(Object.keys(swept.report.requests)).toHaveLength(2 * N);
    // Not vacuous: the changes show in the uninterrupted report (responded, paused, medium priority).
    expect(uninterrupted.report.requests['r1']?.respondedAt).toBe('2026-03-27T15:05:00Z');
    expect(uninterrupted.report.requests['r2']?.priority).toBe('medium');
    expect(uninterrupted.report.requests['r3']?.respondedAt).toBe('2026-03-27T15:05:00Z');
    expect({ ...swept.report, xurrentCalls: 0 }).toEqual({ ...uninterrupted.report, xurrentCalls: 0 });

    // Per request, as many calls as without the outage: each time the worker sees a change, one read
    // and one write of the reconcile and one read after the webhook of that write (3 for r26–r50, 6 for
    // r1–r25, registered and changed), plus at most one read of the SLA history; the sweeps' pages are
    // shared (50 changes fit one page of 100; a start-up sweep and the scheduler's first run). One
    // more read when a second trigger (the other sweep, or the webhook of the worker's own write)
    // lands while the request's reconcile is active: BullMQ deduplication coalesces with a waiting
    // job, not an active one, so that trigger runs once more and finds nothing to do.
    const counts = [...swept.callsPerRequest.values()];
    expect(counts).toHaveLength(2 * N);
    for (const count of counts) expect(count).toBeLessThanOrEqual(8);
    expect(swept.sweepPages).toBeLessThanOrEqual(4);
    expect(swept.report.xurrentCalls).toBeLessThanOrEqual(uninterrupted.report.xurrentCalls + 2 * N);

    expect(swept.status.lastSweepMissed).toBe(2 * N);
    expect(swept.status.warning).toMatch(/50 change\(s\) found by the sweep .* without a webhook/);
    expect(uninterrupted.status.missedTotal).toBe(0);
    expect(uninterrupted.status.warning).toBeNull();
  }, 60_000);
});
