import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * Who changed a request's status to what, as the webhook envelope said when the event came in.
 * `accountId`: that person's account (`Person.account`), looked up then; null when the lookup failed
 * or found no person, absent in records kept before it was looked up (both read as unknown).
 */
export const StatusActorSchema = z.object({
  status: z.string(),
  personNodeId: z.string(),
  atMs: z.number(),
  accountId: z.string().nullable().optional(),
});
export type StatusActor = z.infer<typeof StatusActorSchema>;

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
          const parsed = StatusActorSchema.safeParse(JSON.parse(text));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      });
    },
  };
}
