import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetPerson } from '../../../src/privacy/forget-person.js';
import { createStatusActorStore } from '../../../src/state/status-actors.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis.js';

const prefix = uniquePrefix('forget-race');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
const worker = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
afterAll(async () => {
  redis.disconnect();
  worker.disconnect();
  await deleteKeys(prefix);
});

const AGENT = 'person-agent';
const OTHER = 'person-other';

/**
 * The forget command's connection, with a worker's write landing right after its second read of a
 * list: the first finds what names the person, the second is the one the rewrite starts from.
 */
function withWriteAfterRewriteRead(client: Redis, write: () => Promise<unknown>): Redis {
  let reads = 0;
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'lrange' || typeof value !== 'function')
        return typeof value === 'function' ? (value.bind(target) as unknown) : value;
      return async (...args: unknown[]) => {
        const items = await (value as (...a: unknown[]) => Promise<string[]>).apply(target, args);
        if ((reads += 1) === 2) await write();
        return items;
      };
    },
  });
}

describe('privacy forget while the service writes', () => {
  it('never writes an older list over a newer one: a status author pushed between read and write is kept', async () => {
    const actors = createStatusActorStore(worker, prefix);
    const request = 'req-race';
    await actors.record(request, { status: 'in_progress', personNodeId: AGENT, atMs: 10 });
    await actors.record(request, { status: 'waiting_for', personNodeId: OTHER, atMs: 20 });
    const racing = withWriteAfterRewriteRead(redis, () => actors.record(request, { status: 'completed', personNodeId: OTHER, atMs: 30 }));

    const report = await forgetPerson(racing, prefix, AGENT, { apply: true });

    expect(report.keys).toEqual([`${prefix}:status-actors:${request}`]);
    expect(await actors.list(request)).toEqual([
      { status: 'completed', personNodeId: OTHER, atMs: 30 },
      { status: 'waiting_for', personNodeId: OTHER, atMs: 20 },
      { status: 'in_progress', personNodeId: 'forgotten', atMs: 10 },
    ]);
    expect(await redis.ttl(`${prefix}:status-actors:${request}`)).toBeGreaterThan(0);
  });
});
