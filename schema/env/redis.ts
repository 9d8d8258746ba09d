import type { coreEnvSection } from './core.js';
import { intWithDefault, optionalString } from './fields.js';
import type { redisSentinelsEnvSection } from './redis-sentinels.js';
import type { RedisTarget } from './redis-target.js';
import { defineEnvSection, type EnvProblem, type FieldsOf, type RawEnv, type SectionFields } from './section.js';

/**
 * Redis high availability (docs/high-availability.md): a Sentinel-managed primary instead of one
 * REDIS_URL, and how many replicas must hold a write before it counts as acknowledged.
 */
const shape = {
  REDIS_SENTINEL_NAME: optionalString(),
  REDIS_SENTINEL_PASSWORD: optionalString(),
  REDIS_PASSWORD: optionalString(),
  REDIS_CLUSTER_NODES: optionalString(),
  REDIS_MIN_REPLICAS_ACK: intWithDefault(0, { min: 0, max: 16 }),
  REDIS_REPLICA_ACK_TIMEOUT_MS: intWithDefault(1_000, { min: 10, max: 30_000 }),
};
type RedisEnv = FieldsOf<typeof shape> &
  SectionFields<typeof redisSentinelsEnvSection> &
  Pick<SectionFields<typeof coreEnvSection>, 'REDIS_URL' | 'REDIS_EMBEDDED' | 'REDIS_EMBEDDED_DIR'>;

const given = (raw: RawEnv, key: string) => (raw[key] ?? '').trim() !== '';

function checkRedisEnv(env: FieldsOf<typeof shape>, raw: RawEnv): EnvProblem[] {
  const problems: EnvProblem[] = [];
  if (env.REDIS_CLUSTER_NODES) {
    problems.push({
      key: 'REDIS_CLUSTER_NODES',
      message:
        'Redis Cluster is not supported (several queues and scripts span keys that Cluster would put in different slots; see docs/high-availability.md): use REDIS_SENTINELS or REDIS_URL',
    });
  }
  if (given(raw, 'REDIS_SENTINELS')) {
    if (!env.REDIS_SENTINEL_NAME)
      problems.push({
        key: 'REDIS_SENTINEL_NAME',
        message: 'is required with REDIS_SENTINELS (the master group name the Sentinels monitor)',
      });
    if (given(raw, 'REDIS_URL'))
      problems.push({ key: 'REDIS_URL', message: 'must be unset with REDIS_SENTINELS (the Sentinels name the primary)' });
  } else {
    for (const key of ['REDIS_SENTINEL_NAME', 'REDIS_SENTINEL_PASSWORD', 'REDIS_PASSWORD'] as const) {
      if (env[key])
        problems.push({
          key,
          message: `is only used with REDIS_SENTINELS${key === 'REDIS_PASSWORD' ? ' (with REDIS_URL the password goes in the URL)' : ''}`,
        });
    }
  }
  if (env.REDIS_MIN_REPLICAS_ACK > 0 && !given(raw, 'REDIS_SENTINELS') && !given(raw, 'REDIS_URL')) {
    problems.push({
      key: 'REDIS_MIN_REPLICAS_ACK',
      message:
        'needs a replicated Redis (REDIS_SENTINELS or REDIS_URL): the local or embedded one has no replicas, so every write would be refused',
    });
  }
  return problems;
}

/** The Sentinel target when REDIS_SENTINELS is set (the check has required REDIS_SENTINEL_NAME with it). */
function sentinelTargetOf(env: RedisEnv): RedisTarget | undefined {
  if (!env.REDIS_SENTINELS) return undefined;
  return {
    kind: 'sentinel',
    sentinels: env.REDIS_SENTINELS,
    name: env.REDIS_SENTINEL_NAME ?? '',
    password: env.REDIS_PASSWORD,
    sentinelPassword: env.REDIS_SENTINEL_PASSWORD,
  };
}

export const redisEnvSection = defineEnvSection({
  shape,
  check: checkRedisEnv,
  config: (env: RedisEnv) => ({
    redis: {
      url: env.REDIS_URL,
      sentinel: sentinelTargetOf(env),
      embedded: env.REDIS_EMBEDDED,
      embeddedDir: env.REDIS_EMBEDDED_DIR,
      /** Writes that must survive a failover wait for this many replicas (0: acknowledged by the primary alone). */
      replicaAck: { replicas: env.REDIS_MIN_REPLICAS_ACK, timeoutMs: env.REDIS_REPLICA_ACK_TIMEOUT_MS },
    },
  }),
});
