import type { Simulator } from '../../src/simulator/index.js';
import { postRaw } from './http.js';
import { requestEnvelope, type TestSigner } from './signing.js';
import { spawnEntrypoint, type SpawnedProcess } from './spawn-service.js';
import { waitFor } from './wait-for.js';

/** The Procfile's entrypoints, run as real processes (through tsx) by the fault tests. */
export type Entrypoint = 'src/main-web.ts' | 'src/main-worker.ts';

/** Starts `entry` with `env`, adds it to `running` (for the test's cleanup) and waits for its "ready" line. */
export async function startEntrypoint(entry: Entrypoint, env: Record<string, string>, running: SpawnedProcess[]): Promise<SpawnedProcess> {
  const child = spawnEntrypoint(entry, env);
  running.push(child);
  await waitFor(() => child.stdout().includes('"message":"ready"') || child.child.exitCode !== null, `${entry} to be ready`, 30_000);
  if (child.child.exitCode !== null) throw new Error(`${entry} exited: ${child.stderr()} ${child.stdout().slice(-2_000)}`);
  return child;
}

/** The settings of a real worker process against `sim` (CI-sized limits, no sweep, short job locks). */
export function simulatorWorkerEnv(sim: Simulator): Record<string, string> {
  return {
    XURRENT_ACCOUNT: sim.account,
    XURRENT_GRAPHQL_URL: sim.graphqlUrl,
    XURRENT_TOKEN: sim.issueToken(),
    XURRENT_BURST_LIMIT: '100',
    XURRENT_BURST_WINDOW_MS: '500',
    COMPLETENESS_RULES: 'none',
    ESCALATION_L1_PERSON_ID: sim.demo.customerId,
    RESYNC_INTERVAL: 'off',
    // Short job locks: a job whose lock was lost comes back within seconds.
    WORKER_LOCK_MS: '3000',
  };
}

export interface Answer {
  id: string;
  requestNodeId: string;
  sentAt: number;
  answeredAt: number;
  /** HTTP status; 0 when the connection failed. */
  status: number;
}

/** Posts a signed request event about `requestNodeId` as delivery `id` (a redelivery resends the same token: the jti is its identity). */
export function deliverer(signer: TestSigner, url: string) {
  return async (id: string, requestNodeId: string): Promise<Answer> => {
    const body = JSON.stringify({ jwt: await signer.sign(requestEnvelope({ object_nodeID: requestNodeId }), { jti: id }) });
    const sentAt = Date.now();
    const status = await postRaw(url, body, { 'content-type': 'application/json', 'x-xurrent-delivery': id }).then(
      (r) => r.status,
      () => 0,
    );
    return { id, requestNodeId, sentAt, answeredAt: Date.now(), status };
  };
}
