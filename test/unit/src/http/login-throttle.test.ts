import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/clock.js';
import { createMemoryLoginThrottle, withFallback, type LoginThrottle } from '../../../../src/http/login-throttle.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

const START = Date.parse('2026-04-01T09:00:00Z');
const settings = { maxFailures: 3, windowMs: 60_000 };

describe('memory login throttle', () => {
  it('allows failures up to the limit, then blocks the address for a full window from the failure that reached it', async () => {
    const clock = createManualClock(START);
    const throttle = createMemoryLoginThrottle(settings, clock);
    expect(await throttle.recordFailure('10.0.0.1')).toEqual({ failures: 1, blockedForMs: 0 });
    clock.set(START + 50_000);
    expect(await throttle.recordFailure('10.0.0.1')).toEqual({ failures: 2, blockedForMs: 0 });
    expect(await throttle.blockedForMs('10.0.0.1')).toBe(0);
    clock.set(START + 59_000);
    expect(await throttle.recordFailure('10.0.0.1')).toEqual({ failures: 3, blockedForMs: 60_000 });
    // Not the first window's end (START + 60 s): the block runs a window from the third failure.
    clock.set(START + 61_000);
    expect(await throttle.blockedForMs('10.0.0.1')).toBe(58_000);
    expect(await throttle.blockedForMs('10.0.0.2')).toBe(0);
    clock.set(START + 119_000);
    expect(await throttle.blockedForMs('10.0.0.1')).toBe(0);
    expect(await throttle.recordFailure('10.0.0.1')).toEqual({ failures: 1, blockedForMs: 0 });
  });

  it('forgets failures whose window has passed', async () => {
    const clock = createManualClock(START);
    const throttle = createMemoryLoginThrottle(settings, clock);
    await throttle.recordFailure('10.0.0.1');
    await throttle.recordFailure('10.0.0.1');
    clock.set(START + 60_000);
    expect(await throttle.recordFailure('10.0.0.1')).toEqual({ failures: 1, blockedForMs: 0 });
  });

  it('keeps blocking, within the same block, a failure counted past the limit (concurrent requests)', async () => {
    const clock = createManualClock(START);
    const throttle = createMemoryLoginThrottle(settings, clock);
    for (let i = 0; i < 3; i += 1) await throttle.recordFailure('10.0.0.1');
    clock.set(START + 10_000);
    expect(await throttle.recordFailure('10.0.0.1')).toEqual({ failures: 4, blockedForMs: 50_000 });
  });

  it('holds a bounded number of addresses: a spread attack cannot grow it without limit', async () => {
    const clock = createManualClock(START);
    const throttle = createMemoryLoginThrottle({ maxFailures: 1, windowMs: 60_000 }, clock);
    await throttle.recordFailure('first');
    for (let i = 0; i < 10_000; i += 1) await throttle.recordFailure(`a${i}`);
    // The oldest entry made room; the newest are still blocked.
    expect(await throttle.blockedForMs('first')).toBe(0);
    expect(await throttle.blockedForMs('a9999')).toBe(60_000);
  });
});

describe('throttle with a fallback', () => {
  it('uses the fallback while the primary fails, warns once, and says when the primary is back', async () => {
    let down = true;
    const calls: string[] = [];
    const primary: LoginThrottle = {
      blockedForMs: async () => {
        calls.push('primary');
        if (down) throw new Error('Connection is closed.');
        return 0;
      },
      recordFailure: async () => {
        if (down) throw new Error('Connection is closed.');
        return { failures: 1, blockedForMs: 0 };
      },
    };
    const fallback = createMemoryLoginThrottle({ maxFailures: 1, windowMs: 60_000 }, createManualClock(START));
    const log = createLogCapture();
    const throttle = withFallback(primary, fallback, log.logger);
    // Still throttled while Redis is down: one failure reaches the fallback's limit.
    expect(await throttle.recordFailure('10.0.0.1')).toEqual({ failures: 1, blockedForMs: 60_000 });
    expect(await throttle.blockedForMs('10.0.0.1')).toBe(60_000);
    down = false;
    expect(await throttle.blockedForMs('10.0.0.1')).toBe(0);
    expect(calls).toEqual(['primary', 'primary']);
    const messages = log.lines().map((l) => `${String(l.level)}: ${String(l.message)}`);
    expect(messages).toEqual([
      'warn: admin login throttle cannot reach Redis: counting failed logins in this process until it can',
      'info: admin login throttle back on Redis',
    ]);
  });
});
