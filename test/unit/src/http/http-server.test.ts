import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { connectionsCheckingIntervalOf, createHttpServer } from '../../../../src/http/http-server.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

describe('createHttpServer', () => {
  it('sets the configured limits on the server (defaults here)', () => {
    const server = createHttpServer((_req, res) => res.end(), loadConfig({}).http.limits, createLogCapture().logger);
    expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout, server.maxConnections]).toEqual([
      10_000, 15_000, 5_000, 500,
    ]);
    server.close();
  });

  it.each([
    [{ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000 }, 1_000],
    [{ headersTimeoutMs: 2_000, requestTimeoutMs: 15_000 }, 500],
    [{ headersTimeoutMs: 300, requestTimeoutMs: 600 }, 75],
    [{ headersTimeoutMs: 20, requestTimeoutMs: 20 }, 10],
  ])('checks deadlines often enough to hold them: %o every %i ms', (timeouts, interval) => {
    expect(connectionsCheckingIntervalOf({ ...timeouts, keepAliveTimeoutMs: 5_000, maxConnections: 500 })).toBe(interval);
  });
});
