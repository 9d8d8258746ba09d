import { z } from 'zod';
import { connectionSchema, TargetSchema } from './common.js';

/**
 * Requests with what an SLA report can be rebuilt from: registration, category, impact, status,
 * Xurrent's own SLA accounting (`affectedSlas`: first response, resolution, stopped-clock periods)
 * and the notes' texts, times and authors (the worker's notes carry markers; a provider person's
 * note is the response, a root cause or an excuse). People only as node ids.
 */
export const REQUESTS_FOR_REPORT = /* GraphQL */ `
  query RequestsForReport($first: Int!, $after: String) {
    requests(first: $first, after: $after) {
      nodes {
        id
        requestId
        category
        impact
        status
        createdAt
        completedAt
        downtimeStartAt
        downtimeEndAt
        account {
          id
          name
        }
        serviceInstance {
          id
        }
        team {
          id
        }
        requestedFor {
          id
          account {
            id
            name
          }
        }
        requestedBy {
          id
        }
        createdBy {
          id
        }
        problem {
          id
          status
          knownError
          workaround
          updatedAt
        }
        affectedSlas(first: 1) {
          nodes {
            accountability
            startedAt
            actualResponseAt
            actualResolutionAt
            responseTargetAt
            resolutionTargetAt
            stoppedClockPeriods {
              from
              to
              providerNotAccountable
            }
          }
        }
        notes(first: 100) {
          nodes {
            text
            createdAt
            internal
            person {
              id
              account {
                id
              }
            }
            account {
              id
            }
          }
          pageInfo {
            endCursor
            hasNextPage
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;

const instant = z.iso.datetime({ offset: true }).nullish();
const ref = z.object({ id: z.string() }).nullish();

const AffectedSlaAccountingSchema = z.object({
  accountability: z.string().nullish(),
  responseTargetAt: TargetSchema,
  resolutionTargetAt: TargetSchema,
  startedAt: instant,
  actualResponseAt: instant,
  actualResolutionAt: instant,
  stoppedClockPeriods: z
    .array(z.object({ from: instant, to: instant, providerNotAccountable: z.boolean().nullish() }).nullable())
    .nullish(),
});

const accountRef = z.object({ id: z.string() }).nullish();

export const ReportSourceRequestSchema = z.object({
  id: z.string(),
  requestId: z.string().nullish(),
  category: z.string().nullish(),
  impact: z.string().nullish(),
  status: z.string().nullish(),
  createdAt: instant,
  completedAt: instant,
  downtimeStartAt: instant,
  downtimeEndAt: instant,
  account: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
  serviceInstance: ref,
  team: ref,
  requestedFor: z.object({ id: z.string(), account: z.object({ id: z.string(), name: z.string().nullish() }).nullish() }).nullish(),
  requestedBy: ref,
  createdBy: ref,
  problem: z
    .object({
      id: z.string(),
      status: z.string().nullish(),
      knownError: z.boolean().nullish(),
      workaround: z.string().nullish(),
      updatedAt: instant,
    })
    .nullish(),
  // One affected SLA is asked for (`first: 1`), so no paging info is read.
  affectedSlas: z
    .object({
      nodes: z
        .array(AffectedSlaAccountingSchema)
        .nullish()
        .transform((n) => n ?? []),
    })
    .nullish(),
  notes: connectionSchema(
    z.object({
      text: z.string().nullish(),
      createdAt: instant,
      internal: z.boolean().nullish(),
      person: z.object({ id: z.string(), account: accountRef }).nullish(),
      account: accountRef,
    }),
  ).nullish(),
});
export type ReportSourceRequest = z.infer<typeof ReportSourceRequestSchema>;

export const RequestsForReportSchema = z.object({ requests: connectionSchema(ReportSourceRequestSchema) });
