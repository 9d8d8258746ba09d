import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../../logger.js';
import { reportToJson } from '../../reports/report-json.js';
import { parsePeriodQuery, periodDates, UnknownCustomerError, type SlaReports } from '../../reports/sla-reports.js';
import type { ResyncStatus } from '../../resync/resync-state.js';
import { createDashboardAssets } from './dashboard-assets.js';
import { renderDashboard, type AvailabilityTile } from './render-dashboard.js';

export interface ReportsRouterDeps {
  reports: SlaReports;
  zone: string;
  logger: Logger;
  /** The service's availability over the period, when the operations side provides it. */
  availability?: (period: { fromMs: number; toMs: number }) => Promise<AvailabilityTile | null>;
  /** The reconciliation sweep's status (missed webhooks, warning) for the dashboard's webhook-health line. */
  webhookHealth?: () => Promise<ResyncStatus>;
  /** A request's page in Xurrent by its number, for the dashboard's links; absent when the account is not known. */
  requestUrl?: (number: string) => string;
}

export const DASHBOARD_ASSETS_PATH = '/dashboard/assets';

/**
 * `GET /reports/sla?from=&to=&customer=` (JSON) and `GET /dashboard` (HTML) with its assets. Mounted behind
 * the admin authentication by the caller; this router checks nothing itself.
 */
export function createReportsRouter({ reports, zone, logger, availability, webhookHealth, requestUrl }: ReportsRouterDeps): Router {
  const router = express.Router();
  router.use(DASHBOARD_ASSETS_PATH, createDashboardAssets());

  router.get('/reports/sla', async (req, res) => {
    const report = await reportOfQuery(req, res, reports, zone);
    if (report === undefined) return;
    res.set('Cache-Control', 'no-store').json(reportToJson(report, zone));
  });

  router.get('/dashboard', async (req, res) => {
    const report = await reportOfQuery(req, res, reports, zone);
    if (report === undefined) return;
    // Either side failing leaves its tile or line saying so; the SLA figures still show.
    const failed = (what: string) => (error: unknown) => {
      logger.warn(`${what} for the dashboard failed`, {
        component: 'reports',
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    };
    const tile = availability ? await availability(report.period).catch(failed('availability')) : null;
    const webhooks = webhookHealth ? await webhookHealth().catch(failed('webhook health')) : undefined;
    const view = {
      report: reportToJson(report, zone),
      query: { ...periodDates(report.period, zone), customer: report.customer?.id ?? '' },
      zone,
      availability: tile,
      assetsPath: DASHBOARD_ASSETS_PATH,
      ...(requestUrl ? { requestUrl } : {}),
    };
    const page = renderDashboard(webhooks === undefined ? view : { ...view, webhooks });
    res.set('Cache-Control', 'no-store').type('html').send(page);
  });
  return router;
}

/** The customer of the query (undefined: all), or null once a 400 naming the parameter was sent. */
function readCustomer(req: Request, res: Response): string | undefined | null {
  const customer = single(req.query['customer']);
  if (customer === null) res.status(400).json({ error: 'customer may be given once', parameter: 'customer' });
  return customer;
}

/**
 * The report of the query's period and customer, or undefined once a 400 naming the parameter was sent
 * (for an unknown customer, with the known ones).
 */
async function reportOfQuery(req: Request, res: Response, reports: SlaReports, zone: string) {
  const period = readPeriod(req, res, zone);
  if (period === undefined) return undefined;
  const customer = readCustomer(req, res);
  if (customer === null) return undefined;
  try {
    return await reports.report(period, customer);
  } catch (error) {
    if (!(error instanceof UnknownCustomerError)) throw error;
    res.status(400).json({ error: error.message, parameter: 'customer', known: error.known });
    return undefined;
  }
}

/** The period of the query, null for the default, or undefined once a 400 naming the parameter was sent. */
function readPeriod(req: Request, res: Response, zone: string) {
  const from = single(req.query['from']);
  const to = single(req.query['to']);
  if (from === null || to === null)
    return void res.status(400).json({ error: 'from and to may be given once each', parameter: from === null ? 'from' : 'to' });
  const parsed = parsePeriodQuery(from, to, zone);
  if (!parsed.ok) return void res.status(400).json({ error: parsed.message, parameter: parsed.parameter });
  return parsed.period;
}

/** One query value; '' (an empty form field) as absent; null when repeated or nested. */
function single(value: unknown): string | undefined | null {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value : null;
}
