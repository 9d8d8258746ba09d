import { createServer, type RequestListener, type Server } from 'node:http';
import type { HttpLimits } from '../../schema/env/http.js';
import type { Logger } from '../logger.js';

/** At most one "connection cap reached" line per this long, with the count dropped meanwhile. */
const DROP_LOG_INTERVAL_MS = 60_000;

/**
 * Node checks the header and request deadlines only every `connectionsCheckingInterval` (30 s by
 * default), so a 10 s headers timeout would let a slow client live up to 40 s: check four times
 * per shortest deadline, at most once a second (the check walks only connections mid-request).
 */
export function connectionsCheckingIntervalOf(limits: HttpLimits): number {
  return Math.max(10, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}

/**
 * An HTTP server with the limits of HTTP_* applied: a client that sends its headers or body too
 * slowly gets 408 and is disconnected, an idle keep-alive connection is closed, and connections
 * beyond the cap are closed as they arrive (logged, at most once a minute).
 */
export function createHttpServer(listener: RequestListener, limits: HttpLimits, logger: Logger): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingIntervalOf(limits),
    },
    listener,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  let dropped = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;
  server.on('drop', () => {
    dropped += 1;
    const now = Date.now();
    if (now - loggedAt < DROP_LOG_INTERVAL_MS) return;
    logger.warn('HTTP connection cap reached: new connections are closed', {
      component: 'http',
      maxConnections: limits.maxConnections,
      dropped,
    });
    [loggedAt, dropped] = [now, 0];
  });
  return server;
}
