import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runShutdown } from '../../../../src/runtime/shutdown.js';
import { createLogCapture } from '../../../helpers/log-capture.js';

describe('runShutdown', () => {
  it('runs the steps in order and reports a clean stop', async () => {
    const order: string[] = [];
    const step = (name: string, ms: number) => ({ name, run: async () => void (await sleep(ms), order.push(name)) });
    const clean = await runShutdown([step('http', 5), step('workers', 20), step('redis', 1)], 1_000, createLogCapture().logger);
    expect(clean).toBe(true);
    expect(order).toEqual(['http', 'workers', 'redis']);
  });

  it('abandons a step that hangs (worker.close with Redis gone) at the deadline and still runs the rest', async () => {
    const capture = createLogCapture();
    const ran: string[] = [];
    const started = Date.now();
    const clean = await runShutdown(
      [
        { name: 'workers', run: () => new Promise<void>(() => undefined) },
        { name: 'redis', run: async () => void ran.push('redis') },
      ],
      200,
      capture.logger,
    );
    expect(clean).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ran).toEqual(['redis']);
    expect(capture.lines().some((l) => l['step'] === 'workers' && String(l['message']).includes('deadline'))).toBe(true);
  });

  it('reports a failing step and goes on', async () => {
    const ran: string[] = [];
    const clean = await runShutdown(
      [
        { name: 'queues', run: () => Promise.reject(new Error('connection closed')) },
        { name: 'redis', run: async () => void ran.push('redis') },
      ],
      1_000,
      createLogCapture().logger,
    );
    expect(clean).toBe(false);
    expect(ran).toEqual(['redis']);
  });
});
