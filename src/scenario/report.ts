import { z } from 'zod';

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);

const problemReason = z.enum(['top_incident', 'repeated_incidents', 'customer_request']);

/** The scenario report, exactly as issue 6 specifies it (also validates expected reports in tests). */
export const ScenarioReportSchema = z.strictObject({
  requests: z.record(
    z.string(),
    z.strictObject({
      priority: z.enum(['top', 'high', 'medium', 'low']).nullable(),
      responseDue: instant.nullable(),
      resolutionDue: instant.nullable(),
      /** The provider's response: a person's status change or public note, never the worker's own writes. */
      respondedAt: instant.nullable(),
      /** When the root cause was determined (root-cause start); may be left out of expected reports when null. */
      rootCauseAt: instant.nullable().default(null),
      resolvedAt: instant.nullable(),
      responseBreached: z.boolean(),
      resolutionBreached: z.boolean(),
      escalations: z.array(
        z.strictObject({
          level: z.enum(['warning', 'service_support_manager', 'cto', 'xurrent']),
          target: z.enum(['response', 'resolution']).nullable(),
          at: instant,
          /** `customer` for the customer's own escalation (§2.8); left out for the breach ladder's, warnings and break-fix. */
          reason: z.literal('customer').optional(),
        }),
      ),
      flags: z.array(z.string()),
      problem: z.string().nullable(),
      notes: z.number().int(),
      /** The team the worker routed the request to (by name); may be left out of expected reports when null. */
      routedTo: z.string().nullable().default(null),
      /** A provider person's excuse of the request's breaches (§3.3), `by` their name; may be left out when null. */
      excused: z.strictObject({ reason: z.string(), by: z.string(), at: instant }).nullable().default(null),
      /** The customer (by name) of `create.customer`; may be left out when null. */
      customer: z.string().nullable().default(null),
    }),
  ),
  problems: z.record(
    z.string(),
    z
      .strictObject({
        reason: problemReason,
        /** Every reason the problem carries an RCA for, in the order promised (issue 17); may be left out when it is just `[reason]`. */
        reasons: z.array(problemReason).optional(),
        requests: z.array(z.string()),
        rcaDue: instant.nullable(),
        /** When RCA reports (notes with an `RCA_REPORT_TAGS` tag) covered every promise on the problem, each dated at or after its promise; may be left out when null. */
        rcaReportAt: instant.nullable().default(null),
      })
      .transform((problem) => ({ ...problem, reasons: problem.reasons ?? [problem.reason] })),
  ),
  xurrentCalls: z.number().int(),
  /** `simulate --review`: the SLA report JSON of the scenario's whole period (src/reports/report-json.ts). */
  review: z.unknown().optional(),
});
export type ScenarioReport = z.infer<typeof ScenarioReportSchema>;
export type RequestReport = ScenarioReport['requests'][string];

/** Epoch ms → ISO UTC with Z, without milliseconds when they are zero (as the SLA vectors and CLI print). */
export function isoOf(epochMs: number | null | undefined): string | null {
  if (epochMs === null || epochMs === undefined) return null;
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
