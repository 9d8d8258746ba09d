import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type Router } from 'express';
import type { OpenQueues as QueueViews } from '../queue/jobs.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board at `/admin/queues` over every queue of the service: counts, jobs by state, and the
 * failed jobs past their retries (the dead letters) with retry and clean actions. Mounted behind
 * the admin router's auth; job data holds ids only, so nothing personal or secret is shown.
 */
export function createQueueBoardRoute(queues: QueueViews, options: { hidden?: readonly string[] } = {}): Router {
  const shown = queues.all.filter((queue) => !(options.hidden ?? []).includes(queue.name));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: shown.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Xurrent support worker' } },
  });
  const router = express.Router();
  router.use(QUEUE_BOARD_PATH, serverAdapter.getRouter() as Router);
  return router;
}
