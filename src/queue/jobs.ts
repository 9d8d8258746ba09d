import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { FollowUpXurrentJobSchema, ForwardToXurrentJobSchema } from '../../schema/break-fix-jobs.js';
import { ReconcileRequestJobSchema, RequestEventJobSchema, ResyncJobSchema, SlaTimerJobSchema } from '../../schema/jobs.js';
import { ManageProblemJobSchema, RcaFollowUpJobSchema } from '../../schema/problem-jobs.js';
import { ProblemEventJobSchema, WebhookVerifyJobSchema } from '../../schema/webhook-jobs.js';
import { PayloadError } from '../errors.js';
import { JOB_NAMES, QUEUE_NAMES, type JobName } from './names.js';
import { RETRY_OPTIONS } from './retry-budget.js';

/*
 * The job registry: every job the service queues, defined once (queue, name, payload schema,
 * options, job id rule), and `openQueues`, the only place a BullMQ `Queue` is made. Payload schemas
 * stay in `schema/` (a wire format between processes); names in `names.ts`.
 *
 * | job                 | queue            | enqueued by                                                         | processed by                  |
 * |---------------------|------------------|---------------------------------------------------------------------|-------------------------------|
 * | requestEvent        | events           | webhook intake (webhooks/route-event.ts → producer.ts)              | workers/request-event.ts      |
 * | problemEvent        | problemEvents    | webhook intake (as requestEvent)                                    | workers/problem-event.ts      |
 * | resyncProblemEvent  | problemEvents    | full resync (workers/resync.ts): a problem found again              | workers/problem-event.ts      |
 * | webhookVerify       | webhookVerify    | webhook intake (as requestEvent)                                    | workers/webhook-verify.ts     |
 * | reconcileRequest    | requests         | reconcile-producer.ts, from request-event, sla-timer, resync, problem-event (root cause) | workers/reconcile-request.ts |
 * | slaTimer            | slaTimers        | sla-timers.ts, from workers/reconcile-request.ts                    | workers/sla-timer.ts          |
 * | manageProblem       | problems         | problem-producer.ts, from workers/problem-trigger.ts (after a reconcile) | workers/manage-problem.ts |
 * | rcaFollowUp         | rcaFollowUp      | rca-timers.ts, from manage-problem, problem-event, rca-follow-up    | workers/rca-follow-up.ts      |
 * | forwardToXurrent    | xurrentForward   | follow-up-timers.ts enqueueForward, from workers/break-fix-trigger.ts | workers/forward-to-xurrent.ts |
 * | followUpXurrent     | xurrentFollowUp  | follow-up-timers.ts, from break-fix-trigger, forward-to-xurrent, follow-up-xurrent | workers/follow-up-xurrent.ts |
 * | resyncSweep         | resync           | workers/resync-workers.ts (worker start, the RESYNC_INTERVAL scheduler) | workers/resync.ts         |
 * | resyncFull          | resync           | workers/resync-workers.ts (cold start), `cli resync` (src/cli/commands/resync.ts) | workers/resync.ts |
 *
 * Which processor runs on which queue is wired in workers/index.ts (startWorker(JOBS.<job>, …)). The
 * scenario runner (src/scenario) and the other operator tools (`cli jobs`, src/privacy, the queue
 * board) open the same queues to watch, promote, retry or edit jobs; they add none.
 * test/integration/queue/job-options.test.ts checks that every entry point's jobs carry these options.
 */

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Retries sized for a ten-minute Xurrent outage (`retry-budget.ts`: exponential from 2 s, the 10th
 * attempt starts 13.6–17 min after the first failure). Completed jobs are kept a week so their ids
 * keep deduplicating redeliveries.
 */
export const DEFAULT_JOB_OPTIONS = {
  ...RETRY_OPTIONS,
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 100_000 },
  removeOnFail: { age: 30 * DAY_SECONDS, count: 10_000 },
} satisfies JobsOptions;

/** Finished deliveries go after a day: the small dedup markers (producer.ts), not job bodies, carry the long window. */
const DELIVERY_OPTIONS = { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: DAY_SECONDS, count: 50_000 } } satisfies JobsOptions;
/** Coalesced jobs read current state: a finished one is worth an hour of looking back. */
const COALESCED_OPTIONS = { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 3_600, count: 10_000 } } satisfies JobsOptions;
/** A fired timer is gone (its id names an instant that will not come again); a failed one is kept a while. */
const TIMER_OPTIONS = { ...DEFAULT_JOB_OPTIONS, removeOnComplete: true, removeOnFail: { count: 1_000 } } satisfies JobsOptions;
/**
 * Passes are few and small: a week of them is plenty to look back on; failures a month. A pass rides
 * out a Xurrent outage like any other job: a cold start's full resync is queued once, so losing it
 * to exhausted retries would leave the open requests unreconciled until their next webhook.
 */
export const RESYNC_JOB_OPTIONS = {
  ...RETRY_OPTIONS,
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 2_000 },
  removeOnFail: { age: 30 * DAY_SECONDS, count: 1_000 },
} satisfies JobsOptions;
/** A resync's work goes behind every webhook's: BullMQ takes jobs without a priority first. */
export const RESYNC_PRIORITY = 10;

/**
 * BullMQ job ids must not contain ':' and must not be all digits; delivery ids are UUIDs in practice
 * but come from outside, so they are normalised.
 */
export function toJobId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

export type QueueKey = keyof typeof QUEUE_NAMES;

interface JobSpec<T> {
  queue: QueueKey;
  name: JobName;
  schema: z.ZodType<T>;
  options: JobsOptions;
  /** The job's id (one job per id, ever: adding it again adds nothing). */
  jobId?: (data: T) => string;
  /** Coalescing: one waiting job per id absorbs later ones; one more is kept while it runs (keepLastIfActive). */
  coalesceId?: (data: T) => string;
}

export interface JobDef<T> extends Readonly<JobSpec<T>> {
  /** The job's data, or a PayloadError naming the job (the error policy fails the job for good: it can never succeed). */
  parse(job: Pick<Job, 'data'> & { name?: string }): T;
  /** Everything `queue.add` is given: the options, the id rule, then `extra` (a delay, a priority, a delivery's id). */
  optionsFor(data: T, extra?: JobsOptions): JobsOptions;
}

/** A definition; one given a `jobId` rule keeps it non-optional, so its timers can name the job they replace. */
function defineJob<T, const S extends JobSpec<T> = JobSpec<T>>(spec: S & JobSpec<T>): JobDef<T> & Pick<S, 'jobId'> {
  return {
    ...spec,
    parse(job) {
      const parsed = spec.schema.safeParse(job.data);
      if (!parsed.success) throw new PayloadError(`Bad ${job.name ?? spec.name} data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    },
    optionsFor(data, extra = {}) {
      return {
        ...spec.options,
        ...(spec.jobId ? { jobId: spec.jobId(data) } : {}),
        ...(spec.coalesceId ? { deduplication: { id: spec.coalesceId(data), keepLastIfActive: true } } : {}),
        ...extra,
      };
    },
  };
}

export const JOBS = {
  requestEvent: defineJob({ queue: 'events', name: JOB_NAMES.requestEvent, schema: RequestEventJobSchema, options: DELIVERY_OPTIONS }),
  problemEvent: defineJob({
    queue: 'problemEvents',
    name: JOB_NAMES.problemEvent,
    schema: ProblemEventJobSchema,
    options: DELIVERY_OPTIONS,
  }),
  /** A problem event a full resync makes up (its `deliveryId` names the problem and the pass): kept a week, behind webhooks. */
  resyncProblemEvent: defineJob({
    queue: 'problemEvents',
    name: JOB_NAMES.problemEvent,
    schema: ProblemEventJobSchema,
    options: { ...DEFAULT_JOB_OPTIONS, priority: RESYNC_PRIORITY },
    jobId: (data) => data.deliveryId,
  }),
  /** The callback is retried with backoff (5 s doubling: 16 attempts span over 24 h) until it works or expires. */
  webhookVerify: defineJob({
    queue: 'webhookVerify',
    name: JOB_NAMES.webhookVerify,
    schema: WebhookVerifyJobSchema,
    options: { ...DELIVERY_OPTIONS, attempts: 16, backoff: { type: 'exponential', delay: 5_000, jitter: 0.2 } },
  }),
  reconcileRequest: defineJob({
    queue: 'requests',
    name: JOB_NAMES.reconcileRequest,
    schema: ReconcileRequestJobSchema,
    options: COALESCED_OPTIONS,
    coalesceId: (data) => toJobId('reconcile', data.requestNodeId),
  }),
  slaTimer: defineJob({
    queue: 'slaTimers',
    name: JOB_NAMES.slaTimer,
    schema: SlaTimerJobSchema,
    options: TIMER_OPTIONS,
    jobId: (data) => toJobId('sla', `${data.requestNodeId}-${data.fireAtMs}`),
  }),
  manageProblem: defineJob({
    queue: 'problems',
    name: JOB_NAMES.manageProblem,
    schema: ManageProblemJobSchema,
    options: COALESCED_OPTIONS,
    coalesceId: (data) => toJobId('problem', data.requestNodeId),
  }),
  rcaFollowUp: defineJob({
    queue: 'rcaFollowUp',
    name: JOB_NAMES.rcaFollowUp,
    schema: RcaFollowUpJobSchema,
    options: { ...TIMER_OPTIONS, removeOnComplete: { age: DAY_SECONDS } },
    jobId: (data) => toJobId('rca', `${data.problemNodeId}-${data.stage}-${data.fireAtMs}`),
  }),
  forwardToXurrent: defineJob({
    queue: 'xurrentForward',
    name: JOB_NAMES.forwardToXurrent,
    schema: ForwardToXurrentJobSchema,
    options: COALESCED_OPTIONS,
    coalesceId: (data) => toJobId('forward', data.requestNodeId),
  }),
  followUpXurrent: defineJob({
    queue: 'xurrentFollowUp',
    name: JOB_NAMES.followUpXurrent,
    schema: FollowUpXurrentJobSchema,
    options: TIMER_OPTIONS,
    jobId: (data) => toJobId('follow', `${data.requestNodeId}-${data.fireAtMs}`),
  }),
  resyncSweep: defineJob({ queue: 'resync', name: JOB_NAMES.resyncSweep, schema: ResyncJobSchema, options: RESYNC_JOB_OPTIONS }),
  resyncFull: defineJob({ queue: 'resync', name: JOB_NAMES.resyncFull, schema: ResyncJobSchema, options: RESYNC_JOB_OPTIONS }),
};

export type JobKey = keyof typeof JOBS;
export type JobData<K extends JobKey> = (typeof JOBS)[K] extends JobDef<infer T> ? T : never;
export type Enqueue = { [K in JobKey]: (data: JobData<K>, extra?: JobsOptions) => Promise<Job> };

export type OpenQueues = { readonly [K in QueueKey]: Queue } & {
  /** Every queue of the service, in `QUEUE_NAMES` order (opens those not opened yet). */
  readonly all: readonly Queue[];
  /** One of the service's queues by its name. */
  byName(name: string): Queue | undefined;
  /** Any queue under the prefix by its name, the service's or another (the privacy tooling reads them all). */
  named(name: string): Queue;
  /** Adds a job with its registry options; `extra` adds what only the caller knows (a delay, a priority, a job id). */
  readonly enqueue: Enqueue;
  /** Closes the queues opened so far. */
  close(): Promise<void>;
};

/**
 * The service's queues on one connection under one key prefix, each opened when first used.
 * Queues carry no default job options: every job's options come from `JOBS` through `enqueue`.
 * `onError` hears a queue's connection errors (a Queue without an 'error' listener would throw them).
 */
export function openQueues(
  connection: Redis,
  prefix: string,
  { onError }: { onError?: (error: Error, queue: string) => void } = {},
): OpenQueues {
  const opened = new Map<string, Queue>();
  const named = (name: string): Queue => {
    let queue = opened.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix });
      if (onError) queue.on('error', (error) => onError(error, name));
      opened.set(name, queue);
    }
    return queue;
  };
  const open = (key: QueueKey): Queue => named(QUEUE_NAMES[key]);
  const keys = Object.keys(QUEUE_NAMES) as QueueKey[];
  const enqueue = Object.fromEntries(
    (Object.entries(JOBS) as [JobKey, JobDef<unknown>][]).map(([key, job]) => [
      key,
      (data: unknown, extra?: JobsOptions) => open(job.queue).add(job.name, data, job.optionsFor(data, extra)),
    ]),
  ) as Enqueue;
  const queues = {
    get all() {
      return keys.map(open);
    },
    byName: (name: string) => {
      const key = keys.find((k) => QUEUE_NAMES[k] === name);
      return key ? open(key) : undefined;
    },
    named,
    enqueue,
    close: async () => {
      await Promise.all([...opened.values()].map((queue) => queue.close()));
    },
  };
  for (const key of keys) Object.defineProperty(queues, key, { get: () => open(key), enumerable: true });
  return queues as unknown as OpenQueues;
}
