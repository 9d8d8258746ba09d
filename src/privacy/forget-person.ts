import type { Job, JobType, Queue } from 'bullmq';
import type { ChainableCommander, Redis } from 'ioredis';
import { openQueues } from '../queue/jobs.js';
import { QUEUE_NAMES } from '../queue/names.js';
import { decodeState, encodeState } from '../state/state-codec.js';
import { namesPerson, withoutPerson } from './person-fields.js';

export interface ForgetReport {
  person: string;
  /** False for a dry run: nothing was changed, the lists say what `--apply` would change. */
  applied: boolean;
  /**
   * Jobs that name the person in a person field (`queue/jobId`). When applied, through BullMQ: the
   * person is taken out of the job's data (the job, a queued event or timer, still runs); a finished
   * job whose result names them is removed.
   */
  jobs: string[];
  /** Other keys whose stored value names the person; when applied the person is taken out in place (TTL kept). */
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
 * id, and takes the person out only when `apply` is set. A record names the person only when a
 * person field of its parsed data (`person_id`, `personId`, `person: { id }`, `by`, … see
 * person-fields.ts) equals the id exactly: key names and free text are never searched, since a short
 * numeric id also occurs in timestamps, stream ids and counters. The person is replaced in place
 * (`forgotten`), never the record deleted: who excused a breach or changed a status is the agent's
 * personal data, but the request's SLA state, its report records and its queued events are the
 * customer's service history. Jobs are changed through BullMQ (updateData), so its lists, streams
 * and counters stay consistent; no key of a BullMQ queue is ever written directly.
 * What names a person: an excuse's `by` (workflow state, report records), the status-change authors
 * (`status-actors:<request>`) and a queued event's `actor.personNodeId`.
 */
export async function forgetPerson(redis: Redis, prefix: string, personId: string, { apply = false } = {}): Promise<ForgetReport> {
  const report: ForgetReport = { person: personId, applied: apply, jobs: [], keys: [], kept: [], notHeld: NOT_HELD };
  const queueNames = await findQueues(redis, prefix);
  const queues = openQueues(redis, prefix);
  try {
    for (const name of queueNames) {
      const queue = queues.named(name);
      for (const job of await jobsNaming(queue, personId)) {
        const id = `${name}/${job.id}`;
        if (!apply) report.jobs.push(id);
        else ((await forgetInJob(queue, job, personId)) ? report.jobs : report.kept).push(id);
      }
    }
  } finally {
    await queues.close();
  }
  for (const key of await otherKeysNaming(redis, prefix, queueNames, personId)) {
    if (apply) await forgetInKey(redis, key, personId);
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

/** Takes the person out of a job's data (BullMQ's updateData); removes a finished job whose result names them. False: still running. */
async function forgetInJob(queue: Queue, job: Job, personId: string): Promise<boolean> {
  if (namesPerson(job.returnvalue, personId)) return (await queue.remove(job.id as string)) === 1;
  await job.updateData(withoutPerson(job.data, personId).value);
  return true;
}

/** How often a key is read again when a worker wrote it between our read and our write. */
const MAX_ATTEMPTS = 20;

/**
 * Takes the person out of one stored value in place, in the encoding it was written in, keeping its
 * TTL and every element that does not name them (a list keeps its order, a sorted set its scores).
 * The service keeps writing while this runs (a reconcile saves the workflow state, an event pushes a
 * status author), so the key is read under WATCH and written in one MULTI: a write in between makes
 * the EXEC fail and the key is read again, never an older value written over a newer one.
 */
async function forgetInKey(redis: Redis, key: string, personId: string): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    await redis.watch(key);
    const tx = await plannedRewrite(redis, key, personId);
    if (!tx) {
      await redis.unwatch();
      return;
    }
    if ((await tx.exec()) !== null) return;
  }
  throw new Error(`${key} kept changing while the person was taken out of it; run the command again`);
}

/** The MULTI that writes the key without the person, or undefined when it does not name them. */
async function plannedRewrite(redis: Redis, key: string, personId: string): Promise<ChainableCommander | undefined> {
  const rewrite = (text: string): string | undefined => {
    const result = withoutPerson(parseText(text), personId);
    return result.changed ? JSON.stringify(result.value) : undefined;
  };
  switch (await redis.type(key)) {
    case 'string': {
      const raw = await redis.getBuffer(key);
      const result = raw ? withoutPerson(decodeState(raw), personId) : undefined;
      if (!raw || !result?.changed) return undefined;
      return redis.multi().set(key, raw[0] === 0x7b ? JSON.stringify(result.value) : encodeState(result.value), 'KEEPTTL');
    }
    case 'hash': {
      const changed = Object.entries(await redis.hgetall(key)).flatMap(([field, text]) => {
        const next = rewrite(text);
        return next === undefined ? [] : [[field, next] as const];
      });
      return changed.length === 0 ? undefined : redis.multi().hset(key, Object.fromEntries(changed));
    }
    case 'list': {
      // The whole list again, in order, with its TTL: an index would point elsewhere after a push.
      const items = await redis.lrange(key, 0, -1);
      const next = items.map((text) => rewrite(text) ?? text);
      if (next.every((text, i) => text === items[i])) return undefined;
      const ttlMs = await redis.pttl(key);
      const tx = redis
        .multi()
        .del(key)
        .rpush(key, ...next);
      return ttlMs > 0 ? tx.pexpire(key, ttlMs) : tx;
    }
    case 'set': {
      const changed = (await redis.smembers(key)).flatMap((text) => {
        const next = rewrite(text);
        return next === undefined ? [] : [[text, next] as const];
      });
      if (changed.length === 0) return undefined;
      const tx = redis.multi();
      for (const [old, next] of changed) tx.srem(key, old).sadd(key, next);
      return tx;
    }
    case 'zset': {
      const flat = await redis.zrange(key, '0', '-1', 'WITHSCORES');
      const changed: [string, string, string][] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const next = rewrite(flat[i] as string);
        if (next !== undefined) changed.push([flat[i] as string, flat[i + 1] as string, next]);
      }
      if (changed.length === 0) return undefined;
      const tx = redis.multi();
      for (const [old, score, next] of changed) tx.zrem(key, old).zadd(key, score, next);
      return tx;
    }
    default:
      // Streams are BullMQ's event logs (skipped above as queue keys); nothing else of the service is one.
      return undefined;
  }
}
