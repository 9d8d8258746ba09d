import express, { type Router } from 'express';
import { availabilityToJson } from '../availability/availability-json.js';
import { readAvailability, type AvailabilityReaderDeps } from '../availability/read-availability.js';
import type { Clock } from '../clock.js';
import { monthPeriod, previousMonthOf } from '../domain/reports/month-period.js';

/**
 * `GET /reports/availability?month=YYYY-MM` (default: the previous month in the support zone):
 * the service's own availability, JSON. Mounted behind the admin router's auth.
 */
export function createAvailabilityRoute(deps: { reader: AvailabilityReaderDeps; zone: string; clock: Clock }): Router {
  const router = express.Router();
  router.get('/reports/availability', async (req, res) => {
    const nowMs = deps.clock.now();
    const raw = req.query['month'];
    if (raw !== undefined && typeof raw !== 'string')
      return void res.status(400).json({ error: 'month may be given once', parameter: 'month' });
    const month = raw === undefined || raw === '' ? previousMonthOf(nowMs, deps.zone) : raw;
    const period = monthPeriod(month, deps.zone);
    if (!period) return void res.status(400).json({ error: 'month must be YYYY-MM', parameter: 'month' });
    if (period.fromMs > nowMs) return void res.status(400).json({ error: 'month has not started yet', parameter: 'month' });
    res.json(availabilityToJson(await readAvailability(deps.reader, period, nowMs), month));
  });
  return router;
}
