import type { Queue } from 'bullmq';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createWebApp } from '../../../webhooks/app.js';
import { createLogCapture } from '../../helpers/log-capture.js';

/** A queue that records adds in memory: the route's answers are tested without Redis here. */
function recordingQueue(options: { failWith?: Error } = {}) {
  const added: { name: string; data: unknown; jobId: string | undefined }[] = [];
  const ids = new Set<string>();
  const queue = {
    getJob: async (id: string) => (ids.has(id) ? { id } : undefined),
    add: async (name: string, data: unknown, opts?: { jobId?: string }) => {
      if (options.failWith) throw options.failWith;
      added.push({ name, data, jobId: opts?.jobId });
      if (opts?.jobId) ids.add(opts.jobId);
      return { id: opts?.jobId };
    },
  } as unknown as Queue;
  return { queue, added };
}

function appWith(queue: Queue) {
  return createWebApp({ queue, logger: createLogCapture().logger, maxBytes: 2_048, readiness: [] });
}

const event = { webhook_id: 1, account_id: 'wdc', event: 'request.create', object_id: 5, object_nodeID: 'NG1lLmNvbS9SZXF1ZXN0LzU', payload: {} };

describe('POST /webhooks/xurrent (skeleton)', () => {
  it('queues a request event with a job id from the delivery header', async () => {
    const { queue, added } = recordingQueue();
    const res = await request(appWith(queue)).post('/webhooks/xurrent').set('X-Xurrent-Delivery', 'abc-123').send(event);
    expect(res.status).toBe(202);
    expect(added).toEqual([{ name: 'request-event', jobId: 'delivery-abc-123', data: expect.objectContaining({ deliveryId: 'abc-123', requestNodeId: event.object_nodeID }) }]);
  });

  it('answers 200 to a redelivery and queues nothing more', async () => {
    const { queue, added } = recordingQueue();
    const app = appWith(queue);
    await request(app).post('/webhooks/xurrent').set('X-4me-Delivery', 'same').send(event);
    const again = await request(app).post('/webhooks/xurrent').set('X-4me-Delivery', 'same').send(event);
    expect(again.status).toBe(200);
    expect(added).toHaveLength(1);
  });

  it.each([
    ['not JSON', (r: request.Test) => r.set('Content-Type', 'text/plain').send('hello'), 415],
    ['malformed JSON', (r: request.Test) => r.set('Content-Type', 'application/json').send('{"webhook_id":'), 400],
    ['too large', (r: request.Test) => r.set('Content-Type', 'application/json').send(JSON.stringify({ ...event, pad: 'x'.repeat(4_000) })), 413],
    ['missing account', (r: request.Test) => r.send({ ...event, account_id: undefined }), 400],
  ])('refuses %s with the documented status and queues nothing', async (_name, send, status) => {
    const { queue, added } = recordingQueue();
    const res = await send(request(appWith(queue)).post('/webhooks/xurrent'));
    expect(res.status).toBe(status);
    expect(added).toEqual([]);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at \//);
  });

  it('names the failing field', async () => {
    const { queue } = recordingQueue();
    const res = await request(appWith(queue)).post('/webhooks/xurrent').send({ ...event, event: 42 });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('event');
  });

  it('acknowledges events it does not act on without queueing them', async () => {
    const { queue, added } = recordingQueue();
    const res = await request(appWith(queue)).post('/webhooks/xurrent').send({ ...event, event: 'person.update' });
    expect(res.status).toBe(200);
    expect(added).toEqual([]);
  });

  it('answers 503 when the queue cannot take the job', async () => {
    const { queue } = recordingQueue({ failWith: new Error("Stream isn't writeable and enableOfflineQueue options is false") });
    const res = await request(appWith(queue)).post('/webhooks/xurrent').send(event);
    expect(res.status).toBe(503);
  });
});
