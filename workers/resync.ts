import { closedProblemStatuses, OPEN_PROBLEMS_PAGE, OpenProblemsPageSchema } from '../schema/graphql/open-problems-page.js';
import { closedRequestStatuses, REQUESTS_UPDATED_PAGE, RequestsUpdatedPageSchema } from '../schema/graphql/requests-updated-page.js';
import type { ResyncJob } from '../schema/jobs.js';
import type { ResyncConfig } from '../schema/env/resync.js';
import type { ProblemEventJob } from '../schema/webhook-jobs.js';
import { PROBLEM_SOURCE } from '../src/domain/problems/problem-group.js';
import type { Logger } from '../src/logger.js';
import type { JobContext } from './job-context.js';
import { RESYNC_PRIORITY, toJobId, type OpenQueues } from '../src/queue/jobs.js';
import { enqueueReconcile } from '../src/queue/reconcile-producer.js';
import type { ResyncState } from '../src/resync/resync-state.js';
import type { WorkflowStore } from '../src/state/workflow-store.js';
import type { CountedXurrentClient } from '../src/xurrent/client.js';
import { paginate } from '../src/xurrent/paginate.js';
import { classifySweepHit } from '../src/domain/resync/classify-sweep-hit.js';

export interface ResyncDeps {
  store: Pick<WorkflowStore, 'find'>;
  state: ResyncState;
  queues: Pick<OpenQueues, 'enqueue' | 'requests'>;
  config: ResyncConfig;
  accountId: string;
  /** True when Xurrent's cost budget is too low for the sweep (webhook work keeps the rest). */
  budgetLow: () => Promise<boolean>;
}

export interface ResyncResult {
  kind: ResyncJob['kind'];
  since: string | null;
  requests: number;
  enqueued: number;
  missed: number;
  problems: number;
  stoppedEarly: boolean;
  xurrentCalls: number;
}

/** A guard against endless cursors: 200 pages of 100 requests per pass. */
const MAX_PAGES = 200;
/** Progress is stored (one Redis write) once per this many requests. */
const PROGRESS_EVERY = 50;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Reconcile from Xurrent, the source of truth. A sweep pages through the requests changed since
 * its high-water mark minus the overlap and reconciles those the worker has not seen at that
 * version; a change older than the webhook grace that no webhook brought is a missed webhook
 * (logged as an error, counted, and a readiness warning). A full pass reconciles every open request
 * (and those changed since `sinceMs`) and re-reads the worker's open problems, whose event handler
 * restores their RCA timers. Both stop early, keeping the old mark, when the cost budget runs low.
 */
export function createResyncProcessor(deps: ResyncDeps) {
  const { state, config } = deps;
  return async function processResync(data: ResyncJob, ctx: JobContext): Promise<ResyncResult> {
    const { kind, reason } = data;
    const startedAt = ctx.clock.now();
    const log = ctx.log.child({ component: 'resync', kind, reason });
    const calls = ctx.xurrent;
    const result: ResyncResult = {
      kind,
      since: null,
      requests: 0,
      enqueued: 0,
      missed: 0,
      problems: 0,
      stoppedEarly: false,
      xurrentCalls: 0,
    };

    let sinceMs = data.sinceMs;
    if (kind === 'sweep') {
      const mark = await state.highWater();
      // No mark yet: nothing to compare with; the sweep only starts counting from now.
      if (mark === null) {
        await state.advanceHighWater(startedAt);
        log.info('sweep high-water mark set', { highWater: iso(startedAt) });
        return result;
      }
      sinceMs = mark - config.overlapMs;
    }
    result.since = sinceMs === null ? null : iso(sinceMs);
    const filters =
      kind === 'sweep'
        ? [updatedSince(sinceMs as number)]
        : [{ status: { values: closedRequestStatuses, negate: true } }, ...(sinceMs === null ? [] : [updatedSince(sinceMs)])];

    const seen = new Set<string>();
    // For `resync --wait`'s progress bar: requests seen of the filters' totals (the filters overlap, so the total is an upper bound).
    const totals = filters.map(() => 0);
    const reportProgress = () => ctx.progress({ done: seen.size, total: totals.reduce((a, b) => a + b, 0) }).catch(() => undefined);
    for (const [f, filter] of filters.entries()) {
      if (result.stoppedEarly) break;
      let index = 0;
      for await (const node of pages(calls, filter, (n) => (totals[f] = n))) {
        if (index % PROGRESS_EVERY === 0) await reportProgress();
        if (index++ % 100 === 0 && (await deps.budgetLow())) {
          result.stoppedEarly = true;
          break;
        }
        if (seen.has(node.id)) continue;
        seen.add(node.id);
        const updatedAtMs = node.updatedAt ? Date.parse(node.updatedAt) : Number.NaN;
        if (kind === 'sweep') {
          const known = await deps.store.find(node.id);
          const hit = classifySweepHit(
            known && { observedUpdatedAtMs: known.observed?.updatedAtMs ?? null, lastWriteAtMs: known.lastWriteAtMs ?? null },
            updatedAtMs,
            startedAt,
            config.webhookGraceMs,
          );
          if (hit === 'known') continue;
          if (hit === 'missed-webhook') result.missed += 1;
        }
        await enqueueReconcile(deps.queues, { requestNodeId: node.id, reason: `resync:${kind}` }, { priority: RESYNC_PRIORITY });
        result.enqueued += 1;
      }
    }
    result.requests = seen.size;
    await reportProgress();
    if (kind === 'full' && !result.stoppedEarly) result.problems = await restoreProblems(calls, deps, startedAt);
    if (!result.stoppedEarly) await state.advanceHighWater(startedAt);
    result.xurrentCalls = calls.calls();
    await reportHealth(deps, log, result, startedAt);
    return result;
  };
}

const updatedSince = (ms: number) => ({ updatedAt: { greaterThanOrEqualTo: iso(ms) } });

function pages(calls: CountedXurrentClient, filter: object, onTotal: (totalCount: number) => void) {
  return paginate(calls, {
    document: REQUESTS_UPDATED_PAGE,
    variables: { filter },
    schema: RequestsUpdatedPageSchema,
    connection: (d) => d.requests,
    maxPages: MAX_PAGES,
    onTotal,
  });
}

/** The worker's open problems, found by `source`; each gets the job a problem webhook would (RCA timers again). */
async function restoreProblems(calls: CountedXurrentClient, deps: ResyncDeps, startedAt: number): Promise<number> {
  let restored = 0;
  const open = paginate(calls, {
    document: OPEN_PROBLEMS_PAGE,
    variables: { filter: { status: { values: closedProblemStatuses, negate: true } } },
    schema: OpenProblemsPageSchema,
    connection: (d) => d.problems,
    maxPages: MAX_PAGES,
  });
  for await (const problem of open) {
    if (problem.source !== PROBLEM_SOURCE) continue;
    const deliveryId = toJobId('resync', `${problem.id}-${startedAt}`);
    const data: ProblemEventJob = {
      deliveryId,
      event: 'resync',
      accountId: deps.accountId,
      problemNodeId: problem.id,
      receivedAt: iso(startedAt),
    };
    await deps.queues.enqueue.resyncProblemEvent(data);
    restored += 1;
  }
  return restored;
}

/** Missed webhooks: an error, the counter, and the warning; webhooks seen working again clear it. */
async function reportHealth(deps: ResyncDeps, log: Logger, result: ResyncResult, atMs: number): Promise<void> {
  if (result.kind !== 'sweep') {
    log.info('resync done', { ...result });
    return;
  }
  let warning: string | null | undefined;
  if (result.missed > 0) {
    warning = `${result.missed} change(s) found by the sweep at ${iso(atMs)} arrived without a webhook; check that Xurrent has not disabled the webhook`;
    log.error('webhooks missed: the sweep found changes no webhook brought', { ...result });
  } else {
    // Changes that all came through webhooks show webhooks work again; no changes at all prove nothing.
    if (result.requests > 0) warning = null;
    log.info('sweep done', { ...result });
  }
  await deps.state.recordSweep(atMs, result.missed, warning);
}
