import { UsageError } from '../command.js';

/** Reads one named input, from a flag (`--minutes 60`) or a JSON line field (`"minutes": 60`). */
export type FieldReader = (name: string) => unknown;

/** A non-negative number of minutes (decimals allowed) → whole milliseconds. */
export function readMinutesAsMillis(read: FieldReader, name: string): number {
  const value = read(name);
  const minutes = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(minutes) || minutes < 0) throw new UsageError(`${name} must be a non-negative number of minutes`);
  return Math.round(minutes * 60_000);
}

/** One of the allowed words. */
export function readChoice<const T extends string>(read: FieldReader, name: string, choices: readonly T[]): T {
  const value = read(name);
  const choice = choices.find((c) => c === value);
  if (choice === undefined) throw new UsageError(`${name} must be one of ${choices.join(', ')}`);
  return choice;
}
