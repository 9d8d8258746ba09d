import { pingRedis } from '../../src/redis/probe.js';

/** One clear failure instead of hundreds when the test Redis is not running. */
export default async function globalSetup(): Promise<void> {
  const url = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  if (!(await pingRedis(url.hostname, Number(url.port || 6379), 2_000))) {
    throw new Error(`Tests need a Redis at ${url.host} (start one with: redis-server --daemonize yes), or set TEST_REDIS_URL.`);
  }
}
