import { Queue, type Job, type JobType } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES } from '../queue/names.js';
import { decodeState } from '../state/state-codec.js';
import { namesPerson } from './person-fields.js';

export interface ForgetReport {
  person: string;
  /** False for a dry run: nothing was removed, the lists say what `--apply` would remove. */
  applied: boolean;
  /** Jobs whose data or result names the person in a person field (`queue/jobId`); removed through BullMQ when applied. */
  jobs: string[];
  /** Other keys whose stored value names the person in a person field; deleted when applied. */
  keys: string[];
  /** Jobs that could not be removed now (running); run the command again once they finished. */
  kept: string[];
  /** Where else the service writes, and why it holds nothing there. */
  notHeld: string[];
}

const NOT_HELD = [
  'logs: written to stdout as JSON with Xurrent ids only, never kept by the service (the log platform retention applies)',
  'Xurrent: the person record, requests and notes are Xurrent data, to be handled in Xurrent',
];

/** Every state a job can be in; a page of this many jobs is read at a time. */
const JOB_STATES: JobType[] = ['active', 'waiting', 'waiting-children', 'prioritized', 'delayed', 'completed', 'failed'];
const PAGE = 500;

/**
 * Finds what the service holds in Redis (under its queue prefix) about a person, by their Xurrent
 * id, and removes it only when `apply` is set. A record names the person only when a person field
 * of its parsed data (`person_id`, `personId`, `person: { id }`, … see person-fields.ts) equals the
 * id exactly: key names and free text are never searched, since a short numeric id also occurs in
 * timestamps, stream ids and counters. Jobs are found and removed through BullMQ, so its lists,
 * streams and counters stay consistent; no key of a BullMQ queue is ever deleted directly.
 * By design nothing matches (job data and state hold request, problem and delivery ids only).
 */
export async function forgetPerson(redis: Redis, prefix: string, personId: string, { apply = false } = {}): Promise<ForgetReport> {
  const report: ForgetReport = { person: personId, applied: apply, jobs: [], keys: [], kept: [], notHeld: NOT_HELD };
  const queueNames = await findQueues(redis, prefix);
  for (const name of queueNames) {
    const queue = new Queue(name, { connection: redis, prefix });
    try {
      for (const job of await jobsNaming(queue, personId)) {
        const id = `${name}/${job.id}`;
        if (!apply) report.jobs.push(id);
        else ((await queue.remove(job.id as string)) === 1 ? report.jobs : report.kept).push(id);
      }
    } finally {
      await queue.close();
    }
  }
  for (const key of await otherKeysNaming(redis, prefix, queueNames, personId)) {
    if (apply) await redis.del(key);
    report.keys.push(key);
  }
  return report;
}

/**
 * The service's queues plus any other BullMQ queue under the prefix (one with a `meta` or `id`
 * key): every key below `<prefix>:<queue>:` is BullMQ's, never touched but through BullMQ.
 */
async function findQueues(redis: Redis, prefix: string): Promise<Set<string>> {
  const names = new Set<string>(Object.values(QUEUE_NAMES));
  for (const key of await scanKeys(redis, `${prefix}:*`)) {
    const parts = key.slice(prefix.length + 1).split(':');
    if (parts.length === 2 && (parts[1] === 'meta' || parts[1] === 'id') && parts[0]) names.add(parts[0]);
  }
  return names;
}

async function jobsNaming(queue: Queue, personId: string): Promise<Job[]> {
  const found: Job[] = [];
  for (const state of JOB_STATES) {
    for (let start = 0; ; start += PAGE) {
      const page = await queue.getJobs([state], start, start + PAGE - 1, true);
      for (const job of page) if (job?.id && (namesPerson(job.data, personId) || namesPerson(job.returnvalue, personId))) found.push(job);
      if (page.length < PAGE) break;
    }
  }
  return found;
}

async function otherKeysNaming(redis: Redis, prefix: string, queues: ReadonlySet<string>, personId: string): Promise<string[]> {
  const found: string[] = [];
  for (const key of await scanKeys(redis, `${prefix}:*`)) {
    if (queues.has(key.slice(prefix.length + 1).split(':')[0] ?? '')) continue;
    const values = await storedValues(redis, key);
    if (values.some((value) => namesPerson(value, personId))) found.push(key);
  }
  return found;
}

async function scanKeys(redis: Redis, match: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, page] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1_000);
    cursor = next;
    keys.push(...page);
  } while (cursor !== '0');
  return keys;
}

/** The parsed values a key holds: JSON or MessagePack (workflow state) per string, hash field, member or stream entry. */
async function storedValues(redis: Redis, key: string): Promise<unknown[]> {
  switch (await redis.type(key)) {
    case 'string': {
      const raw = await redis.getBuffer(key);
      return raw ? [decodeState(raw)] : [];
    }
    case 'hash':
      return Object.values(await redis.hgetall(key)).map(parseText);
    case 'list':
      return (await redis.lrange(key, 0, -1)).map(parseText);
    case 'set':
      return (await redis.smembers(key)).map(parseText);
    case 'zset':
      return (await redis.zrange(key, '0', '-1')).map(parseText);
    case 'stream':
      return (await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields.map(parseText));
    default:
      return [];
  }
}

function parseText(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
