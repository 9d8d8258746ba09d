import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createHealthRouter, type ReadinessCheck } from '../../../../src/http/health.js';

const app = (checks: ReadinessCheck[]) => express().use(createHealthRouter(checks));
const ok: ReadinessCheck = { name: 'redis', check: async () => undefined };
const webhooks = (warning: string | undefined): ReadinessCheck => ({ name: 'webhooks', warnOnly: true, check: async () => warning });

describe('/readyz warnings', () => {
  it('stays ready with a warn-only check failing, and names it under warnings', async () => {
    const res = await request(app([ok, webhooks('3 change(s) arrived without a webhook')])).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      checks: ['redis', 'webhooks'],
      warnings: { webhooks: '3 change(s) arrived without a webhook' },
    });
  });

  it('has no warnings field when nothing warns, and still fails on a real check', async () => {
    expect((await request(app([ok, webhooks(undefined)])).get('/readyz')).body).toEqual({ status: 'ready', checks: ['redis', 'webhooks'] });
    const failing = await request(app([{ name: 'redis', check: async () => 'redis unreachable' }, webhooks('late')])).get('/readyz');
    expect(failing.status).toBe(503);
    expect(failing.body).toEqual({ status: 'not_ready', reasons: { redis: 'redis unreachable' }, warnings: { webhooks: 'late' } });
  });
});
