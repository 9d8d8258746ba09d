import type { Redis } from 'ioredis';
import { ME, MeResultSchema } from '../../schema/graphql/me.js';
import type { XurrentClient } from './client.js';

/** How long a web process trusts the API user it read (a token change reaches it within this). */
const CACHE_MS = 60_000;

/**
 * The person the worker's token acts as (Xurrent's `me`), kept in Redis under the queue prefix so
 * the web processes, which do not talk to Xurrent, can tell the worker's own echoes. It is the same
 * person the workflow already treats as the worker (the author of its marked notes,
 * src/domain/notes/note-signals.ts); `me` only makes it known before the first note.
 */
export function createApiUserStore(redis: Redis, prefix: string, now: () => number = Date.now) {
  const key = `${prefix}:xurrent:api-user`;
  let cached: { personNodeId: string | null; atMs: number } | undefined;
  return {
    /** Worker start: one `me` call; the id is stored (no expiry: the token decides it, and each start renews it). */
    async learn(xurrent: XurrentClient): Promise<string | null> {
      const result = await xurrent.request(ME, {}, MeResultSchema);
      const id = result.me?.id ?? null;
      if (id) await redis.set(key, id);
      return id;
    },
    /** The API user's node id, or null before any worker has learnt it (then nothing counts as an echo). */
    async personNodeId(): Promise<string | null> {
      if (cached && now() - cached.atMs < CACHE_MS) return cached.personNodeId;
      const personNodeId = await redis.get(key);
      cached = { personNodeId, atMs: now() };
      return personNodeId;
    },
  };
}
export type ApiUserStore = ReturnType<typeof createApiUserStore>;
