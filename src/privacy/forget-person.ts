import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export interface ForgetReport {
  person: string;
  /** Jobs whose payload, result or error named the person, removed through BullMQ (`queue/jobId`). */
  removedJobs: string[];
  /** Other keys whose name or value named the person, deleted. */
  removedKeys: string[];
  /** Jobs that could not be removed now (running); run the command again once they finished. */
  kept: string[];
  /** Where else the service writes, and why it holds nothing there. */
  notHeld: string[];
}

const NOT_HELD = [
  'logs: written to stdout as JSON with Xurrent ids only, never kept by the service (the log platform retention applies)',
  'Xurrent: the person record, requests and notes are Xurrent data, to be handled in Xurrent',
];

/**
 * Removes what the service holds in Redis (under its queue prefix) that names a person by their
 * Xurrent id: BullMQ jobs through BullMQ (so its lists stay consistent), other keys by DEL. By
 * design nothing should match (job data and state hold request, problem and delivery ids only);
 * the report says so either way.
 */
export async function forgetPerson(redis: Redis, prefix: string, personId: string): Promise<ForgetReport> {
  const report: ForgetReport = { person: personId, removedJobs: [], removedKeys: [], kept: [], notHeld: NOT_HELD };
  const queues = new Map<string, Queue>();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const text = await valueText(redis, key);
        if (text === null || !(key.includes(personId) || text.includes(personId))) continue;
        const job = await jobOf(redis, prefix, key);
        if (!job) {
          await redis.del(key);
          report.removedKeys.push(key);
          continue;
        }
        const queue = queues.get(job.queue) ?? new Queue(job.queue, { connection: redis, prefix });
        queues.set(job.queue, queue);
        const removed = await queue.remove(job.id).catch(() => 0);
        (removed === 1 ? report.removedJobs : report.kept).push(`${job.queue}/${job.id}`);
      }
    } while (cursor !== '0');
  } finally {
    await Promise.all([...queues.values()].map((q) => q.close()));
  }
  return report;
}

async function valueText(redis: Redis, key: string): Promise<string | null> {
  switch (await redis.type(key)) {
    case 'string':
      return redis.get(key);
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return (await redis.lrange(key, 0, -1)).join('\n');
    case 'set':
      return (await redis.smembers(key)).join('\n');
    case 'zset':
      return (await redis.zrange(key, '0', '-1')).join('\n');
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return null;
  }
}

/** `<prefix>:<queue>:<jobId>` holding a job hash (a name and data), else null. */
async function jobOf(redis: Redis, prefix: string, key: string): Promise<{ queue: string; id: string } | null> {
  const rest = key.slice(prefix.length + 1);
  const colon = rest.indexOf(':');
  if (colon <= 0 || (await redis.type(key)) !== 'hash') return null;
  const [name, data] = await redis.hmget(key, 'name', 'data');
  return name !== null && data !== null ? { queue: rest.slice(0, colon), id: rest.slice(colon + 1) } : null;
}
