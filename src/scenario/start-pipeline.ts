import type { ManualClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { scenarioReview } from './scenario-review.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { openQueues } from '../queue/jobs.js';
import { createRedis } from '../redis/connection.js';
import { urlTarget } from '../redis/redis-target.js';
import { deletePrefixedKeys } from '../redis/delete-prefixed-keys.js';
import { createResyncState } from '../resync/resync-state.js';
import { findFreePort } from '../redis/probe.js';
import { runShutdown } from '../runtime/shutdown.js';
import { startService, type RunningService, type ServiceDeps } from '../runtime/service.js';
import type { BudgetSettings } from '../simulator/budgets.js';
import { startSimulator } from '../simulator/index.js';
import { createWorkflowStore } from '../state/workflow-store.js';
import { createNameResolver } from './resolve-names.js';
import { ScenarioError } from './scenario-schema.js';

/** The request events the workflow reacts to; the runner subscribes the receiver to each. */
const WEBHOOK_EVENTS = ['request.create', 'request.update', 'request.status-changed', 'request.note-added'] as const;
/** Subscribed only by scenarios that work a problem, so the others keep their call counts. */
const PROBLEM_EVENTS = ['problem.update', 'problem.status-changed'] as const;

/** The support account of request-mode scenarios that name none. */
const DEFAULT_SUPPORT_ACCOUNT = 'xurrent-support';

export interface PipelineOptions {
  config: Readonly<Record<string, string>>;
  clock: ManualClock;
  redisUrl: string;
  prefix: string;
  logger: Logger;
  /** Subscribe the receiver to problem webhooks too (scenarios with a `problem` step). */
  problemWebhooks?: boolean;
  /** A `wipe` step may FLUSHALL this Redis (a private test instance); otherwise it deletes the run's prefix. */
  flushAll?: boolean;
  simulatorBudgets?: Partial<BudgetSettings>;
}

/**
 * The real pipeline around a simulator on the virtual clock: signed webhooks to the service's
 * receiver, the service (web and worker roles) on a unique queue prefix, and the runner's own
 * view of the queues and the workflow state.
 */
export async function startPipeline(options: PipelineOptions) {
  const { clock, redisUrl, prefix, logger } = options;
  // Break-fix in request mode: the account that reaches Xurrent's support, served by the same simulator.
  const { XURRENT_SUPPORT_SERVICE_INSTANCE_ID: supportInstance, ...given } = options.config;
  // A request-mode scenario that names no support account gets one, so it runs as written.
  const requestMode = given['XURRENT_ESCALATION_MODE']?.trim() === 'request';
  const config =
    requestMode && !given['XURRENT_SUPPORT_ACCOUNT']?.trim() ? { ...given, XURRENT_SUPPORT_ACCOUNT: DEFAULT_SUPPORT_ACCOUNT } : given;
  const supportAccount = config['XURRENT_SUPPORT_ACCOUNT']?.trim();
  const sim = await startSimulator({
    clock,
    webhookRetryDelayMs: 50,
    ...(supportAccount ? { extraAccounts: [supportAccount] } : {}),
    ...(options.simulatorBudgets ? { budgets: options.simulatorBudgets } : {}),
  });
  const names = createNameResolver(sim);
  const support = supportAccount ? sim.accounts.get(supportAccount) : undefined;
  // Its service instance is named in the support account, not the customer's.
  const supportConfig =
    support && supportInstance
      ? createNameResolver(support).config({ XURRENT_SUPPORT_SERVICE_INSTANCE_ID: supportInstance })
      : supportInstance
        ? { XURRENT_SUPPORT_SERVICE_INSTANCE_ID: supportInstance }
        : {};
  const port = await findFreePort();
  const keys: string[] = [];
  for (const event of [...WEBHOOK_EVENTS, ...(options.problemWebhooks ? PROBLEM_EVENTS : [])]) {
    const { publicKeyPem } = await sim.webhooks.register({
      event,
      uri: `http://127.0.0.1:${port}/webhooks/xurrent`,
      policy: { jwtAlg: 'RS256' },
    });
    if (publicKeyPem) keys.push(publicKeyPem);
  }
  // The periodic sweep is off unless a scenario asks for it (RESYNC_INTERVAL), so call counts stay exact.
  const env = {
    RESYNC_INTERVAL: 'off',
    ...names.config(config),
    ...supportConfig,
    PORT: String(port),
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    XURRENT_ACCOUNT: sim.account,
    XURRENT_DOMAIN: 'xurrent.sim',
    XURRENT_GRAPHQL_URL: sim.graphqlUrl,
    XURRENT_TOKEN: sim.issueToken(),
    XURRENT_WEBHOOK_PUBLIC_KEY: keys.join('\n'),
    LOG_LEVEL: 'warn',
  };
  let deps: ServiceDeps;
  let service: RunningService;
  const connection = createRedis(urlTarget(redisUrl), 'worker', 'xsw-scenario-runner');
  connection.on('error', (error) => logger.warn('scenario runner redis error', { component: 'scenario', error: error.message }));
  // A new world: the simulator is empty, so this Redis holds all of the worker's state there is (no cold start).
  await createResyncState(connection, prefix).claimMarker(clock.now());
  try {
    deps = { config: loadConfig(env), logger, roles: { web: true, worker: true }, clock };
    service = await startService(deps);
  } catch (error) {
    await sim.close();
    connection.disconnect();
    throw error instanceof ConfigError ? new ScenarioError(`config: ${error.message}`) : error;
  }

  const opened = openQueues(connection, prefix);
  const queues = {
    events: opened.events,
    requests: opened.requests,
    timers: opened.slaTimers,
    rcaTimers: opened.rcaFollowUp,
    // Problem management: checks after reconciles and problem webhooks are work a step waits for.
    problems: opened.problems,
    problemEvents: opened.problemEvents,
    // Break-fix, request mode: forwards are work a step waits for; follow-up polls are virtual timers.
    forwards: opened.xurrentForward,
    followUps: opened.xurrentFollowUp,
    // Sweeps and resyncs (cold start after a wipe) queue reconciles: work a step waits for.
    resync: opened.resync,
  };
  const stopService = () => runShutdown(service.shutdownSteps(), 15_000, logger);

  return {
    sim,
    names,
    queues,
    /** The SLA review of [from, to) as of `asOfMs`, from the records the service kept (`simulate --review`). */
    review: (period: { fromMs: number; toMs: number }, asOfMs: number) =>
      scenarioReview({ redis: connection, prefix, config: deps.config, logger }, period, asOfMs),
    workflowStore: createWorkflowStore(connection, prefix, logger),
    /** The running service's base URL (it changes on restart only if the port does, which it does not). */
    httpUrl: () => service.httpUrl,
    /** Stops the service as SIGTERM would and starts a new one on the same Redis, prefix and port. */
    async restart(): Promise<void> {
      await stopService();
      service = await startService(deps);
    },
    /** Stops the service, wipes its Redis (FLUSHALL on a private instance, else the run's keys), starts it again. */
    async wipe(): Promise<void> {
      await stopService();
      if (options.flushAll) await connection.flushall();
      else await deletePrefixedKeys(connection, prefix);
      service = await startService(deps);
    },
    async close(): Promise<void> {
      await stopService();
      await opened.close();
      connection.disconnect();
      await sim.close();
    },
  };
}
export type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
