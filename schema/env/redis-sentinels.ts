import { z } from 'zod';
import { optionalString } from './fields.js';
import { parseSentinelList } from './redis-target.js';
import { defineEnvSection } from './section.js';

/**
 * REDIS_SENTINELS on its own, parsed into addresses: a section of its own so that a bad entry does
 * not hide the Redis section's other problems (a section's check runs only once its fields parse).
 */
export const redisSentinelsEnvSection = defineEnvSection({
  shape: {
    REDIS_SENTINELS: optionalString().transform((text, ctx) => {
      if (text === undefined) return undefined;
      const list = parseSentinelList(text);
      if (typeof list !== 'string') return list;
      ctx.addIssue({ code: 'custom', message: list });
      return z.NEVER;
    }),
  },
  // Its addresses become part of the Redis target (redis.ts).
  config: () => ({}),
});
