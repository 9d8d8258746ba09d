import type { ScenarioReport } from './report.js';

/** Fields the CLI leaves out of a request when null, so reports of scenarios without them keep the shape the workflow issue defined. */
const OPTIONAL_WHEN_NULL = ['routedTo', 'rootCauseAt', 'excused', 'customer'] as const;

/** The report as the CLI prints it: `routedTo`, `rootCauseAt`, `excused` and `customer` appear only when set. */
export function printableReport(report: ScenarioReport): unknown {
  const requests = Object.fromEntries(
    Object.entries(report.requests).map(([ref, request]) => {
      const shown: Record<string, unknown> = { ...request };
      for (const key of OPTIONAL_WHEN_NULL) if (shown[key] === null) delete shown[key];
      return [ref, shown];
    }),
  );
  return { ...report, requests };
}
