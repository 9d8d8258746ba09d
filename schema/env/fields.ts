import { z } from 'zod';

/**
 * Building blocks for environment variables: every variable arrives as a string (or is missing),
 * and an empty string counts as missing so `FOO=` in .env falls back to the default.
 */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

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
  z.preprocess(
    blankToUndefined,
    z.enum(values, { error: `must be one of ${values.join(', ')}` }).default(fallback as never),
  );

export const optionalUrl = (protocols: readonly string[] = ['http:', 'https:']) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((text) => {
        try {
          return protocols.includes(new URL(text).protocol);
        } catch {
          return false;
        }
      }, `must be a URL (${protocols.join(' or ')})`)
      .optional(),
  );

/** The parsed type of one section of the environment. */
export type EnvOf<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;
