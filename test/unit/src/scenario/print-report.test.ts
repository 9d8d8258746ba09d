import { describe, expect, it } from 'vitest';
import { printableReport } from '../../../../src/scenario/print-report.js';
import { ScenarioReportSchema } from '../../../../src/scenario/report.js';

const request = {
  priority: 'high',
  responseDue: null,
  resolutionDue: null,
  respondedAt: null,
  resolvedAt: null,
  responseBreached: false,
  resolutionBreached: false,
  escalations: [],
  flags: [],
  problem: null,
  notes: 1,
};

describe('printableReport', () => {
  it('leaves routedTo out for a request the worker did not route, and keeps it for one it did', () => {
    const report = ScenarioReportSchema.parse({
      requests: { r1: request, r2: { ...request, routedTo: 'Service Desk' } },
      problems: {},
      xurrentCalls: 3,
    });
    expect(printableReport(report)).toEqual({
      requests: { r1: request, r2: { ...request, routedTo: 'Service Desk' } },
      problems: {},
      xurrentCalls: 3,
    });
  });
});
