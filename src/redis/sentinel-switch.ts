import { Redis } from 'ioredis';
import type { RedisTarget } from './redis-target.js';

type SentinelTarget = Extract<RedisTarget, { kind: 'sentinel' }>;

interface Watch {
  clients: Set<Redis>;
  subscribers: Redis[];
}

const watches = new Map<string, Watch>();
const keyOf = (target: SentinelTarget) => `${target.name}@${target.sentinels.map((s) => `${s.host}:${s.port}`).join(',')}`;

/**
 * Moves `client` to the new primary as soon as a Sentinel announces `+switch-master` for its group.
 * A primary that dies closes its clients' sockets by itself; one that is demoted while it stays up (a
 * planned SENTINEL FAILOVER, a partition that heals) keeps answering as a primary until Sentinel
 * converts it, about 10 s later, and writes meanwhile land where the new primary never sees them
 * (test/integration/redis/sentinel-connections.test.ts). One subscription per Sentinel per process
 * serves every connection of the group; it closes when the last one ends, so a CLI run still exits.
 *
 * Only a `ready` client is told to reconnect: one that is connecting already asks the Sentinels, and
 * ioredis ends a client for good when it is disconnected in the middle of that (why ioredis's own
 * `failoverDetector` stays off).
 */
export function followSwitches(client: Redis, target: SentinelTarget): void {
  const key = keyOf(target);
  let watch = watches.get(key);
  if (!watch) {
    const clients = new Set<Redis>();
    const subscribers = target.sentinels.map(({ host, port }) => {
      const subscriber = new Redis({
        host,
        port,
        ...(target.sentinelPassword ? { password: target.sentinelPassword } : {}),
        connectionName: 'xsw-sentinel-watch',
        maxRetriesPerRequest: null,
        retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
      });
      subscriber.on('error', () => undefined); // a Sentinel that is down is the others' job
      subscriber.subscribe('+switch-master').catch(() => undefined);
      subscriber.on('message', (_channel: string, message: string) => {
        if (message.split(' ')[0] !== target.name) return;
        for (const c of clients) if (c.status === 'ready') c.disconnect(true);
      });
      return subscriber;
    });
    watch = { clients, subscribers };
    watches.set(key, watch);
  }
  const current = watch;
  current.clients.add(client);
  client.once('end', () => {
    current.clients.delete(client);
    if (current.clients.size > 0 || watches.get(key) !== current) return;
    watches.delete(key);
    for (const subscriber of current.subscribers) subscriber.disconnect();
  });
}
