import { describe, expect, it } from 'vitest';
import { createLogCapture } from '../../helpers/log-capture.js';

describe('logger', () => {
  it('writes one JSON object per line with level, time and context', () => {
    const capture = createLogCapture();
    capture.logger.child({ component: 'worker', jobId: 'j1', deliveryId: 'd1' }).info('processed', { requestId: '42' });
    const [line] = capture.lines();
    expect(line).toMatchObject({
      level: 'info',
      message: 'processed',
      component: 'worker',
      jobId: 'j1',
      deliveryId: 'd1',
      requestId: '42',
    });
    expect(typeof line?.['time']).toBe('string');
    expect(Number.isNaN(Date.parse(String(line?.['time'])))).toBe(false);
  });

  it('redacts tokens, keys, passwords and Authorization headers wherever they appear', () => {
    const capture = createLogCapture();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    capture.logger.info('calling Xurrent', {
      headers: { Authorization: 'Bearer pat-secret-123', 'X-Xurrent-Account': 'wdc' },
      config: { token: 'pat-secret-456', clientSecret: 'cs-789', password: 'pw-000', publicKeyPem: 'pem' },
      body: `{"jwt":"${jwt}"}`,
      url: 'redis://user:redis-pass@host:6379',
      form: 'grant_type=client_credentials&client_secret=cs-abc&client_id=x',
      note: 'key: -----BEGIN PRIVATE KEY-----\nMIIabc\n-----END PRIVATE KEY-----',
    });
    capture.logger.error(new Error('failed with Bearer pat-in-error'));
    const text = capture.text();
    for (const secret of ['pat-secret-123', 'pat-secret-456', 'cs-789', 'pw-000', jwt, 'redis-pass', 'cs-abc', 'MIIabc', 'pat-in-error']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('wdc');
    expect(text).toContain('[REDACTED]');
  });

  it('keeps an object that appears twice in one line', () => {
    const capture = createLogCapture();
    const roles = { web: true, worker: false };
    capture.logger.info('starting', { roles, again: roles });
    expect(capture.lines()[0]).toMatchObject({ roles: { web: true, worker: false }, again: { web: true, worker: false } });
  });

  it('drops lines of a disabled level before formatting them, in child loggers too, and follows a level changed at run time', () => {
    const capture = createLogCapture('warn');
    let reads = 0;
    const meta = {
      get detail() {
        reads += 1;
        return 'x';
      },
    };
    const child = capture.logger.child({ component: 'worker' });
    child.info('quiet', meta);
    child.debug('quieter', meta);
    capture.logger.log('info', 'also quiet', meta);
    expect(reads).toBe(0);
    child.warn('loud', { n: 1 });
    capture.logger.log('error', 'louder');
    capture.logger.level = 'debug';
    child.debug('now written');
    expect(capture.lines().map((line) => [line['level'], line['message']])).toEqual([
      ['warn', 'loud'],
      ['error', 'louder'],
      ['debug', 'now written'],
    ]);
  });
});
