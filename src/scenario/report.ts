import { z } from 'zod';

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);

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
    z.strictObject({ reason: z.enum(['top_incident', 'repeated_incidents']), requests: z.array(z.string()), rcaDue: instant.nullable() }),
  ),
  xurrentCalls: z.number().int(),
});
export type ScenarioReport = z.infer<typeof ScenarioReportSchema>;
export type RequestReport = ScenarioReport['requests'][string];

/** Epoch ms → ISO UTC with Z, without milliseconds when they are zero (as the SLA vectors and CLI print). */
export function isoOf(epochMs: number | null | undefined): string | null {
  if (epochMs === null || epochMs === undefined) return null;
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
