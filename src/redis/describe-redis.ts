/** What may be logged of a Redis connection: where it is, never who connects or with what. */
export interface RedisAddress {
  host: string;
  port: number;
  tls: boolean;
}

/**
 * Host, port and TLS of a Redis URL; credentials (`redis://:secret@`, `redis://user:secret@`) and
 * query options (`?password=`) are left out, so the result can be logged as it is.
 */
export function describeRedisUrl(url: string): RedisAddress | 'unparseable' {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname, port: parsed.port === '' ? 6379 : Number(parsed.port), tls: parsed.protocol === 'rediss:' };
  } catch {
    return 'unparseable';
  }
}
