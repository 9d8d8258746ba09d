import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createOperations } from '../../../src/runtime/operations.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

const RULES = readFileSync(new URL('../../../docs/prometheus-alerts.yml', import.meta.url), 'utf8');
const prefix = uniquePrefix('alert-rules');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

// promtool checks the rules' syntax and behaviour (.ci/run); this checks that they name what /metrics exports.
describe('docs/prometheus-alerts.yml', () => {
  it("uses only metric names the web process's /metrics exports, with the labels the rules match on", async () => {
    const operations = createOperations({ config: loadConfig({ QUEUE_PREFIX: prefix }), logger: createLogCapture().logger, redis });
    operations.registerClusterGauges('limiter-key');
    const exported = new Set((await operations.registry.getMetricsAsJSON()).map((metric) => metric.name));
    const named = [...new Set(RULES.match(/\bxsw_[a-z_]+/g) ?? [])];
    expect(named.length).toBeGreaterThanOrEqual(9);
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
    const labelsOf = async (name: string) =>
      (await operations.registry.getSingleMetric(name)?.get())?.values.flatMap((v) => Object.keys(v.labels)) ?? [];
    expect(await labelsOf('xsw_xurrent_budget_reserve')).toEqual(['budget', 'budget']);
    expect(await labelsOf('xsw_heartbeat_interval_seconds')).toEqual([]);
    await operations.queues.close();
  });
});
