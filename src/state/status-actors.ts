import type { Redis } from 'ioredis';

/** Who changed a request's status to what, as the webhook envelope said when the event came in. */
export interface StatusActor {
  status: string;
  personNodeId: string;
  atMs: number;
}

export interface StatusActorStore {
  record(requestNodeId: string, actor: StatusActor): Promise<void>;
  /** The request's recorded status changes, newest first (at most `KEPT`). */
  list(requestNodeId: string): Promise<StatusActor[]>;
}

const KEPT = 20;

/**
 * A short list per request in Redis (`<prefix>:status-actors:<id>`), kept as long as the workflow
 * state. Holds person node ids (personal data: `privacy forget` must cover it).
 */
export function createStatusActorStore(redis: Redis, prefix: string, retentionDays = 400): StatusActorStore {
  const key = (id: string) => `${prefix}:status-actors:${id}`;
  return {
    async record(requestNodeId, actor) {
      await redis
        .multi()
        .lpush(key(requestNodeId), JSON.stringify(actor))
        .ltrim(key(requestNodeId), 0, KEPT - 1)
        .expire(key(requestNodeId), retentionDays * 86_400)
        .exec();
    },
    async list(requestNodeId) {
      const raw = await redis.lrange(key(requestNodeId), 0, KEPT - 1);
      return raw.flatMap((text) => {
        try {
          const value = JSON.parse(text) as Partial<StatusActor>;
          return typeof value.status === 'string' && typeof value.personNodeId === 'string' && typeof value.atMs === 'number'
            ? [value as StatusActor]
            : [];
        } catch {
          return [];
        }
      });
    },
  };
}
