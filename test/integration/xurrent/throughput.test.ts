import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { maxCallsInWindow } from '../../../src/simulator/call-log.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

const run = promisify(execFile);
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const CALLER = fileURLToPath(new URL('../../helpers/limited-caller.ts', import.meta.url));
const prefix = uniquePrefix('throughput');
afterAll(() => deleteKeys(prefix));

describe('shared limiter under several worker processes', () => {
  it('never lets more than 20 calls of one token reach Xurrent in any 2 s window', { timeout: 30_000 }, async () => {
    const sim = await startSimulator({ budgets: { burstLimit: 20, burstWindowMs: 2_000 } });
    try {
      const token = sim.issueToken();
      const env = { ...process.env, REDIS_URL: TEST_REDIS_URL, PREFIX: prefix, XURRENT_TOKEN: token, XURRENT_ACCOUNT: sim.account, XURRENT_GRAPHQL_URL: sim.graphqlUrl, CALLS: '20', CONCURRENCY: '5' };
      const processes = Array.from({ length: 3 }, () => run(TSX, [CALLER], { env, timeout: 25_000 }));
      const results = (await Promise.all(processes)).map(({ stdout }) => JSON.parse(stdout.trim()) as { ok: number; failed: number });

      expect(results).toEqual([{ ok: 20, failed: 0 }, { ok: 20, failed: 0 }, { ok: 20, failed: 0 }]);
      const graphqlCalls = sim.calls.filter((c) => c.kind === 'query');
      expect(graphqlCalls).toHaveLength(60);
      expect(graphqlCalls.filter((c) => c.status === 429)).toEqual([]);
      const busiest = maxCallsInWindow(sim.calls, 2_000);
      process.stdout.write(`throughput: 60 calls from 3 processes; max calls in any 2 s window: ${busiest}\n`);
      expect(busiest).toBeLessThanOrEqual(20);
      // The limiter is not so strict that it wastes the budget: the busiest window is nearly full.
      expect(busiest).toBeGreaterThanOrEqual(15);
    } finally {
      await sim.close();
    }
  });
});
