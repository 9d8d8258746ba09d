/** Outcome of parsing configuration text: the value, or a message naming the bad part. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const parsed = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const failed = <T>(error: string): ParseResult<T> => ({ ok: false, error });
