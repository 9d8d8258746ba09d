/** What a command gets: the process's streams and environment, passed in for tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** One `--name` flag as `node:util` parseArgs takes it, with what `--help` says about it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Used when the flag is absent, and shown in `--help`. Boolean flags default to false. */
  default?: string;
  /** Shown after a string flag in `--help`, e.g. `<YYYY-MM>`. */
  value?: string;
  /** Shown as the default in `--help` when the default is not a fixed value (e.g. "previous month"). */
  defaultText?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type ValueOf<S extends FlagSpec> = S['type'] extends 'boolean' ? boolean : S extends { default: string } ? string : string | undefined;
export type FlagValues<F extends FlagSpecs> = { readonly [K in keyof F]: ValueOf<F[K]> };

export interface CommandSpec<F extends FlagSpecs> {
  /** Words that select the command, e.g. ['business-time', 'add']. */
  path: readonly string[];
  summary: string;
  flags: F;
  /** Extra lines for `--help`: examples and notes. */
  notes?: readonly string[];
  /** Resolves with the exit code: 0 success, 1 failure, 2 bad usage or input. */
  run(flags: FlagValues<F>, io: CliIo): Promise<number>;
}

/** A command as the dispatcher sees it (flag values untyped). */
export interface CliCommand {
  path: readonly string[];
  summary: string;
  flags: FlagSpecs;
  notes?: readonly string[];
  run(flags: Readonly<Record<string, string | boolean | undefined>>, io: CliIo): Promise<number>;
}

/** Keeps the flag names and types of a command's spec in the type of its `run` argument. */
export function defineCommand<const F extends FlagSpecs>(spec: CommandSpec<F>): CliCommand {
  return spec as unknown as CliCommand;
}

/** Bad usage or input: the CLI prints the message (and the command's usage) and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
