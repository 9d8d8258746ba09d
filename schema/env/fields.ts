import { z } from 'zod';
import type { ParseResult } from '../../src/domain/parse-result.js';

/**
 * Building blocks for environment variables: every variable arrives as a string (or is missing),
 * and an empty string counts as missing so `FOO=` in .env falls back to the default.
 */
export const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const optionalString = () => z.preprocess(blankToUndefined, z.string().optional());

export const stringWithDefault = (fallback: string) => z.preprocess(blankToUndefined, z.string().default(fallback));

export const intWithDefault = (fallback: number, bounds: { min: number; max: number }) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(bounds.min, `must be at least ${bounds.min}`)
      .max(bounds.max, `must be at most ${bounds.max}`)
      .default(fallback),
  );

export const booleanWithDefault = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );

export const enumWithDefault = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: `must be one of ${values.join(', ')}` }).default(fallback as never));

export const optionalUrl = (protocols: readonly string[] = ['http:', 'https:']) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(
        (text) => {
          try {
            return protocols.includes(new URL(text).protocol);
          } catch {
            return false;
          }
        },
        `must be a URL (${protocols.join(' or ')})`,
      )
      .optional(),
  );

/**
 * A transform through one of the domain's parsers: the typed value, or an issue naming the bad part
 * of the text (the parsers' messages quote only the part they refuse, never a whole secret).
 */
export const parsedBy =
  <T>(parse: (text: string) => ParseResult<T>) =>
  (text: string, ctx: z.RefinementCtx): T => {
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  };

/** A comma-separated list, each entry trimmed, empty entries dropped. */
export const commaList = (text: string): string[] =>
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
