/** A Sentinel's address, as listed in REDIS_SENTINELS. */
export interface SentinelAddress {
  host: string;
  port: number;
}

/**
 * Where the service's Redis is, parsed once from the configuration. Every connection of every process
 * is made from one of these (src/redis/connection.ts), so a Sentinel deployment cannot leave one
 * connection pinned to a primary that has since been demoted.
 * - `url`: one Redis (REDIS_URL, the local default, or the embedded redis-server).
 * - `sentinel`: the primary of the group `name`, as the Sentinels name it now; ioredis asks them again
 *   after every disconnect and when they announce a switch.
 */
export type RedisTarget =
  | { kind: 'url'; url: string }
  | {
      kind: 'sentinel';
      sentinels: readonly SentinelAddress[];
      name: string;
      /** The data nodes' password (REDIS_PASSWORD); a secret. */
      password: string | undefined;
      /** The Sentinels' own password (REDIS_SENTINEL_PASSWORD); a secret. */
      sentinelPassword: string | undefined;
    };

export const urlTarget = (url: string): RedisTarget => ({ kind: 'url', url });

/**
 * `host:port,host:port` into addresses; an IPv6 host is written in brackets (`[::1]:26379`). Returns
 * a message naming the bad entry (never other settings) when one does not parse.
 */
export function parseSentinelList(text: string): SentinelAddress[] | string {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return 'must list at least one host:port';
  const addresses: SentinelAddress[] = [];
  for (const entry of entries) {
    const match = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(entry);
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65_535) return `"${entry}" is not host:port (e.g. sentinel-1.internal:26379)`;
    addresses.push({ host: match[1] ?? match[2] ?? '', port });
  }
  return addresses;
}
