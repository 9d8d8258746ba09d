import { z } from 'zod';

/**
 * A request's SLA history as Xurrent keeps it on its affected SLAs (docs/xurrent-api.md#affected-slas): when the
 * clock started, the actual response and resolution, the periods the clock was stopped, and how
 * often the request was reopened. Read only when the worker has lost its own memory of the request.
 */
export const REQUEST_HISTORY = /* GraphQL */ `
  query RequestHistory($id: ID!) {
    node(id: $id) {
      ... on Request {
        id
        reopenCount
        affectedSlas(first: 10) {
          nodes {
            startedAt
            actualResponseAt
            actualResolutionAt
            stoppedClockPeriods {
              from
              to
              providerNotAccountable
            }
          }
        }
      }
    }
  }
`;

const instant = z.string().nullish();

export const AffectedSlaHistorySchema = z.object({
  startedAt: instant,
  actualResponseAt: instant,
  actualResolutionAt: instant,
  stoppedClockPeriods: z
    .array(z.object({ from: instant, to: instant, providerNotAccountable: z.boolean().nullish() }).nullable())
    .nullish(),
});
export type AffectedSlaHistory = z.infer<typeof AffectedSlaHistorySchema>;

export const RequestHistoryResultSchema = z.object({
  node: z
    .object({
      id: z.string(),
      reopenCount: z.number().int().nullish(),
      affectedSlas: z.object({ nodes: z.array(AffectedSlaHistorySchema.nullable()).nullish() }).nullish(),
    })
    .nullable(),
});
export type RequestHistoryNode = NonNullable<z.infer<typeof RequestHistoryResultSchema>['node']>;
