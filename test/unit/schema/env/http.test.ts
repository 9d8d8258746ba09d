import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

describe('HTTP server configuration', () => {
  it('defaults: limits suited to a webhook receiver, client address from the socket', () => {
    expect(loadConfig({}).http).toEqual({
      host: '0.0.0.0',
      port: 3000,
      limits: { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000, maxConnections: 500 },
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const { http } = loadConfig({
      HTTP_HEADERS_TIMEOUT_MS: '5000',
      HTTP_REQUEST_TIMEOUT_MS: '20000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
      HTTP_MAX_CONNECTIONS: '2000',
      TRUST_PROXY: '1',
    });
    expect(http.limits).toEqual({ headersTimeoutMs: 5_000, requestTimeoutMs: 20_000, keepAliveTimeoutMs: 65_000, maxConnections: 2_000 });
    expect(http.trustProxy).toBe(1);
  });

  it.each([
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.5', ['10.0.0.0/8', '192.168.1.5']],
    ['fd00::/8,uniquelocal', ['fd00::/8', 'uniquelocal']],
    ['10.0.0.0/255.0.0.0', ['10.0.0.0/255.0.0.0']],
  ])('TRUST_PROXY=%s names the proxies', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });

  it.each(['true', '*', 'everything', '10.0.0.0/33', '10.0.0.1,,10.0.0.2', '11'])(
    'refuses TRUST_PROXY=%s, naming the variable',
    (value) => {
      expect(configProblemsOf({ TRUST_PROXY: value })).toEqual([expect.stringMatching(/^TRUST_PROXY: must be a number of proxies/)]);
    },
  );

  it('refuses limits out of range, and headers allowed longer than the whole request', () => {
    expect(configProblemsOf({ HTTP_MAX_CONNECTIONS: '5' })).toEqual(['HTTP_MAX_CONNECTIONS: must be at least 10']);
    expect(configProblemsOf({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toEqual(['HTTP_REQUEST_TIMEOUT_MS: must be at least 1000']);
    expect(configProblemsOf({ HTTP_HEADERS_TIMEOUT_MS: '20000' })).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS',
    ]);
  });
});
