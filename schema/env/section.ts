import { z } from 'zod';

export interface EnvProblem {
  key: string;
  message: string;
}

/**
 * One group of related variables. `shape` validates each variable on its own; `check` looks at
 * the group as a whole (e.g. "exactly one way to authenticate") and runs even when another
 * section failed, so a start-up error lists every problem at once.
 */
export interface EnvSection<S extends z.ZodRawShape> {
  shape: S;
  check?(env: z.output<z.ZodObject<S>>, raw: Record<string, string | undefined>): EnvProblem[];
}

export function defineEnvSection<S extends z.ZodRawShape>(section: EnvSection<S>): EnvSection<S> {
  return section;
}
