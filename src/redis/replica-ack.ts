import type { Redis } from 'ioredis';

/** A write that fewer replicas than REDIS_MIN_REPLICAS_ACK confirmed within the timeout. */
export class NotReplicatedError extends Error {
  override readonly name = 'NotReplicatedError';
  constructor(
    readonly wanted: number,
    readonly acknowledged: number,
    timeoutMs: number,
  ) {
    super(`write reached ${acknowledged} of ${wanted} required Redis replicas within ${timeoutMs} ms`);
  }
}

export interface ReplicaAckSettings {
  /** REDIS_MIN_REPLICAS_ACK; 0 = the primary's acknowledgement is enough (no WAIT, no round trip). */
  replicas: number;
  timeoutMs: number;
}

/**
 * "Acknowledged means replicated": after a write that must survive a failover, `WAIT replicas timeout`
 * on the same connection (WAIT counts the replicas that have reached this connection's last write,
 * so it must be the connection that wrote). Fewer than `replicas` throws NotReplicatedError: the
 * caller answers 503 (intake) or fails the job (workers), and the retry converges.
 *
 * WAIT, not WAITAOF: WAITAOF (fsync on the primary and replicas) needs Redis 7.2 and Debian ships 7.0
 * here. WAIT says the replicas hold the write in memory; a failover promotes one of them, so the write
 * survives the primary's loss. It does not survive every node losing power at once (each node's own
 * appendfsync decides that), which is the docs' "not covered" list.
 */
export function createReplicaAck({ replicas, timeoutMs }: ReplicaAckSettings) {
  return {
    replicas,
    async confirm(redis: Redis): Promise<void> {
      if (replicas <= 0) return;
      const acknowledged = Number(await redis.call('WAIT', String(replicas), String(timeoutMs)));
      if (acknowledged < replicas) throw new NotReplicatedError(replicas, acknowledged, timeoutMs);
    },
  };
}
export type ReplicaAck = ReturnType<typeof createReplicaAck>;

export const NO_REPLICA_ACK: ReplicaAck = createReplicaAck({ replicas: 0, timeoutMs: 0 });
