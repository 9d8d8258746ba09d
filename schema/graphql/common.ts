import { z } from 'zod';

/** Xurrent's special values for `ISO8601Timestamp` targets (docs/xurrent-api.md#special-timestamp-values). */
export const SPECIAL_TIMESTAMPS = ['best_effort', 'no_target', 'clock_stopped'] as const;
export type SpecialTimestamp = (typeof SPECIAL_TIMESTAMPS)[number];

/** A target as an explicit value: a moment, or the reason there is none. Never a fake date. */
export type XurrentTarget = { kind: 'at'; iso: string } | { kind: SpecialTimestamp } | { kind: 'none' };

/** Parses a target field: ISO string, one of the special strings, or null. Anything else is invalid. */
export const TargetSchema = z
  .union([z.enum(SPECIAL_TIMESTAMPS), z.iso.datetime({ offset: true })])
  .nullish()
  .transform((value): XurrentTarget => {
    if (value === null || value === undefined) return { kind: 'none' };
    if ((SPECIAL_TIMESTAMPS as readonly string[]).includes(value)) return { kind: value as SpecialTimestamp };
    return { kind: 'at', iso: value };
  });

/** `errors { path message }` of every mutation payload. */
export const ValidationErrorsSchema = z.array(z.object({ path: z.array(z.string()).nullish(), message: z.string() })).nullish();
export type ValidationErrors = z.infer<typeof ValidationErrorsSchema>;

export const PageInfoSchema = z.object({ endCursor: z.string().nullish(), hasNextPage: z.boolean().nullish() });

/** A connection page of `node` items, as `paginate` reads it. */
export const connectionSchema = <T extends z.ZodType>(node: T) =>
  z.object({
    nodes: z
      .array(node)
      .nullish()
      .transform((n) => n ?? []),
    pageInfo: PageInfoSchema,
    totalCount: z.number().int().nullish(),
  });

export const RefSchema = z.object({ id: z.string(), name: z.string().nullish() }).nullish();

/** The problem fields both problem mutations return. */
export const ProblemSchema = z.object({
  id: z.string(),
  problemId: z.string().nullish(),
  subject: z.string().nullish(),
  status: z.string().nullish(),
});
