import { PassThrough } from 'node:stream';
import { openQueues } from '../../../src/queue/jobs.js';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { systemClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import { deletePrefixedKeys } from '../../../src/redis/delete-prefixed-keys.js';
import { createResyncState } from '../../../src/resync/resync-state.js';
import type { SimContext } from '../../../src/simulator/changes.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { requestCreate } from '../../../src/simulator/request-mutations.js';
import { createWorkflowStore } from '../../../src/state/workflow-store.js';
import { createResyncWorkers } from '../../../workers/resync-workers.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';
import { simulatorClient } from '../../helpers/simulator-client.js';
import { waitFor } from '../../helpers/wait-for.js';

const prefix = uniquePrefix('resync-wiped');
afterAll(async () => deleteKeys(prefix));

describe('a Redis wiped under a running worker', () => {
  it('is noticed by the marker check: cold start again (full resync, scheduler back) without a restart; cli resync --wait', async () => {
    const sim = await startSimulator();
    for (const subject of ['Printer jam', 'VPN drops'])
      requestCreate(sim.store, { personId: sim.demo.customerId, changes: [] } as SimContext, { subject, category: 'incident' });
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const capture = createLogCapture('info');
    const config = loadConfig({ QUEUE_PREFIX: prefix, XURRENT_ACCOUNT: sim.account, RESYNC_INTERVAL: 'PT5M' });
    const queues = openQueues(connection, prefix);
    const { resync: resyncQueue } = queues;
    const resync = createResyncWorkers({
      config,
      connection,
      queues,
      clock: systemClock,
      logger: capture.logger,
      markerCheckMs: 100,
      xurrent: simulatorClient(sim, capture.logger),
      store: createWorkflowStore(connection, prefix, capture.logger),
      budgetLeft: async () => ({}),
    });
    const coldStarts = () => capture.lines().filter((l) => String(l['message']).startsWith('cold start')).length;
    try {
      await resync.start();
      expect(coldStarts()).toBe(1);
      expect(await resyncQueue.getJobSchedulersCount()).toBe(1);

      await deletePrefixedKeys(connection, prefix);
      await waitFor(
        async () => coldStarts() === 2 && (await createResyncState(connection, prefix).hasMarker()),
        'a second cold start',
        5_000,
      );
      await waitFor(async () => (await resyncQueue.getJobSchedulersCount()) === 1, 'the sweep scheduler back', 5_000);

      // `cli resync --wait` hands a full pass to this running worker and prints its summary.
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const code = await runCli(['resync', '--since', 'P1D', '--wait'], {
        stdin: new PassThrough(),
        stdout,
        stderr,
        env: { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix },
      });
      expect(code).toBe(0);
      const open = [...sim.store.requests.values()].filter((r) => r.status !== 'completed').length;
      expect(JSON.parse(out)).toMatchObject({
        kind: 'full',
        result: { kind: 'full', requests: open, enqueued: open, stoppedEarly: false },
      });
      // The pass's progress, as JSON lines on stderr (stdout is not a terminal); at least the final figures arrive.
      const progress = err
        .split('\n')
        .filter((line) => line.startsWith('{"progress"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(progress.at(-1)).toMatchObject({ progress: 'requests read from Xurrent', done: open });
    } finally {
      await Promise.all(resync.workers.map((w) => w.close()));
      resync.stop();
      await queues.close();
      connection.disconnect();
      await sim.close();
    }
  }, 20_000);
});
