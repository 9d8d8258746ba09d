import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { ReportProblemSchema, ReportRequestSchema, SlaRecordSchema } from './report-records.js';
import type { ReportProblem, ReportRequest } from '../domain/reports/report-entities.js';
import type { SlaRecord } from '../domain/reports/sla-record.js';
import type { Logger } from '../logger.js';

export interface ReportData {
  records: SlaRecord[];
  requests: ReportRequest[];
  problems: ReportProblem[];
}

export interface ReportStore {
  /** Upserts a request's facts and its SLA records (one per request and target: a rerun overwrites). */
  saveRequest(request: ReportRequest, records: readonly SlaRecord[]): Promise<void>;
  saveProblem(problem: ReportProblem): Promise<void>;
  /** Marks a problem the worker opened as solved; unknown problems are left alone. */
  markProblemSolved(problemId: string, solvedAtMs: number): Promise<void>;
  /** Keeps the problem's RCA promises, target and report date as read from Xurrent (issue 17). */
  markProblemRca(
    problemId: string,
    rca: {
      rcaDueMs: number | null;
      rcaReportAtMs: number | null;
      promises: ReportProblem['promises'];
      rcaReportTimesMs?: ReportProblem['rcaReportTimesMs'];
    },
  ): Promise<void>;
  /** Everything a report of a period ending at `toMs` may need: entries that started before `toMs`. */
  readUntil(toMs: number): Promise<ReportData>;
}

/** Each kind of entry with the schema it is read back with. */
const KINDS = { sla: SlaRecordSchema, request: ReportRequestSchema, problem: ReportProblemSchema } as const;
type Kind = keyof typeof KINDS;
const CHUNK = 500;

/**
 * Report data in Redis: one JSON value per entry (`<prefix>:report:<kind>:<id>`), expiring
 * `retentionDays` after its last write, and per kind a sorted set of ids scored by start instant,
 * so a period reads only what started before its end. Index members whose value expired are
 * dropped when read. Ids only: no subjects, names or notes.
 */
export function createReportStore(redis: Redis, prefix: string, retentionDays: number, logger: Logger): ReportStore {
  const ttlSeconds = retentionDays * 24 * 60 * 60;
  const valueKey = (kind: Kind, id: string) => `${prefix}:report:${kind}:${id}`;
  const indexKey = (kind: Kind) => `${prefix}:report:index:${kind}`;

  const put = (batch: ReturnType<Redis['multi']>, kind: Kind, id: string, value: unknown, scoreMs: number) =>
    batch.set(valueKey(kind, id), JSON.stringify(value), 'EX', ttlSeconds).zadd(indexKey(kind), scoreMs, id);

  async function readKind<S extends z.ZodType>(kind: Kind, schema: S, toMs: number): Promise<z.output<S>[]> {
    const ids = await redis.zrangebyscore(indexKey(kind), '-inf', `(${toMs}`);
    const values: z.output<S>[] = [];
    const gone: string[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const raw = await redis.mget(chunk.map((id) => valueKey(kind, id)));
      raw.forEach((text, j) => {
        if (text === null) return void gone.push(chunk[j] as string);
        const parsed = schema.safeParse(safeJson(text));
        if (parsed.success) values.push(parsed.data);
        else logger.warn('unreadable report entry ignored', { component: 'reports', kind, id: chunk[j] });
      });
    }
    if (gone.length > 0) await redis.zrem(indexKey(kind), ...gone);
    return values;
  }

  return {
    async saveRequest(request, records) {
      const batch = redis.multi();
      put(batch, 'request', request.requestId, request, request.createdAtMs);
      for (const record of records) put(batch, 'sla', `${record.requestId}:${record.target}`, record, record.startMs);
      await batch.exec();
    },
    async saveProblem(problem) {
      await put(redis.multi(), 'problem', problem.problemId, problem, problem.createdAtMs).exec();
    },
    async markProblemSolved(problemId, solvedAtMs) {
      const text = await redis.get(valueKey('problem', problemId));
      const parsed = text === null ? null : ReportProblemSchema.safeParse(safeJson(text));
      if (!parsed?.success || parsed.data.solvedAtMs === solvedAtMs) return;
      await put(redis.multi(), 'problem', problemId, { ...parsed.data, solvedAtMs }, parsed.data.createdAtMs).exec();
    },
    async markProblemRca(problemId, rca) {
      const text = await redis.get(valueKey('problem', problemId));
      const parsed = text === null ? null : ReportProblemSchema.safeParse(safeJson(text));
      if (!parsed?.success) return;
      const next = {
        ...parsed.data,
        rcaReportAtMs: rca.rcaReportAtMs,
        ...(rca.promises ? { promises: [...rca.promises] } : {}),
        ...(rca.rcaReportTimesMs ? { rcaReportTimesMs: [...rca.rcaReportTimesMs] } : {}),
        ...(rca.rcaDueMs !== null ? { rcaDueMs: rca.rcaDueMs } : {}),
      };
      if (JSON.stringify(next) === JSON.stringify(parsed.data)) return;
      await put(redis.multi(), 'problem', problemId, next, parsed.data.createdAtMs).exec();
    },
    async readUntil(toMs) {
      const [records, requests, problems] = await Promise.all([
        readKind('sla', KINDS.sla, toMs),
        readKind('request', KINDS.request, toMs),
        readKind('problem', KINDS.problem, toMs),
      ]);
      return { records: records as SlaRecord[], requests, problems };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
