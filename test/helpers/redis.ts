import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deletePrefixedKeys } from '../../src/redis/delete-prefixed-keys.js';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A BullMQ prefix no other test uses, so test files can share one Redis in parallel. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under a test prefix. */
export async function deleteKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await deletePrefixedKeys(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
