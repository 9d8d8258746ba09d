import type { ScenarioReport } from './report.js';

/**
 * The report as the CLI prints it. `routedTo` appears only for requests the worker routed, so the
 * report of a scenario without routing keeps the shape the workflow issue defined.
 */
export function printableReport(report: ScenarioReport): unknown {
  const requests = Object.fromEntries(
    Object.entries(report.requests).map(([ref, request]) => {
      const { routedTo, ...rest } = request;
      return [ref, routedTo === null ? rest : request];
    }),
  );
  return { ...report, requests };
}
