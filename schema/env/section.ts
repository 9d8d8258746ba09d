import { z } from 'zod';

export interface EnvProblem {
  key: string;
  message: string;
}

export type RawEnv = Record<string, string | undefined>;

/** The typed values of a section's variables, after each field's transform. */
export type FieldsOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

/**
 * One group of related variables and the part of the configuration it gives.
 * - `shape`: one zod field per variable, each transforming its text into the typed value (parsed once).
 * - `check`: rules about the group as a whole (e.g. "exactly one way to authenticate"). It runs once
 *   the group's own fields parse, even when another section failed, so a start-up error lists every
 *   problem at once; it reads other sections' variables only from `raw`, to see whether they are set.
 * - `config`: places the typed values into the service's configuration. It runs only when the whole
 *   environment is valid, so it receives its own fields and, where it declares them in its parameter
 *   type, other sections' (e.g. the webhook issuer needs XURRENT_ACCOUNT); it parses nothing.
 */
export interface EnvSectionSpec<S extends z.ZodRawShape, C, E> {
  shape: S;
  check?(fields: FieldsOf<S>, raw: RawEnv): EnvProblem[];
  config(env: E): C;
}

export interface EnvSection<S extends z.ZodRawShape, C, E> extends EnvSectionSpec<S, C, E> {
  /** This section's fields, or every problem with them (named by variable, never showing its value). */
  read(raw: RawEnv): { ok: true; fields: FieldsOf<S> } | { ok: false; problems: EnvProblem[] };
}

export function defineEnvSection<S extends z.ZodRawShape, C, E = FieldsOf<S>>(spec: EnvSectionSpec<S, C, E>): EnvSection<S, C, E> {
  const schema = z.object(spec.shape);
  return {
    ...spec,
    read(raw) {
      const parsed = schema.safeParse(raw, { reportInput: false });
      if (!parsed.success)
        return {
          ok: false,
          problems: parsed.error.issues.map((issue) => ({ key: issue.path.map(String).join('.'), message: describe(issue, raw) })),
        };
      const problems = spec.check?.(parsed.data, raw) ?? [];
      return problems.length > 0 ? { ok: false, problems } : { ok: true, fields: parsed.data };
    },
  };
}

/** A missing variable is "required"; otherwise zod's message, which never quotes the value. */
function describe(issue: z.core.$ZodIssue, raw: RawEnv): string {
  const key = String(issue.path[0] ?? '');
  const given = raw[key];
  return given === undefined || given.trim() === '' ? 'is required' : issue.message;
}

/** The typed fields of a section, for a `config` that reads another section's variables. */
export type SectionFields<T extends { shape: z.ZodRawShape }> = FieldsOf<T['shape']>;
