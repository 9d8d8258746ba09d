import type { Response } from 'express';

/**
 * Every answer the receiver gives, in one place, so statuses stay consistent. Bodies name the
 * class of problem only: never which check failed, a key, or a stack.
 */
export const ANSWERS = {
  queued: { status: 202, body: { status: 'queued' } },
  verifying: { status: 200, body: { status: 'verification scheduled' } },
  duplicate: { status: 200, body: { status: 'duplicate' } },
  ignored: { status: 200, body: { status: 'ignored' } },
  malformedJson: { status: 400, body: { error: 'Malformed JSON body' } },
  invalid: { status: 400, body: { error: 'Invalid webhook body' } },
  unauthorized: { status: 401, body: { error: 'Unauthorized' } },
  forbidden: { status: 403, body: { error: 'Forbidden' } },
  tooLarge: { status: 413, body: { error: 'Body too large' } },
  unsupportedMediaType: { status: 415, body: { error: 'Content-Type must be application/json' } },
  unavailable: { status: 503, body: { error: 'Temporarily unavailable, retry later' } },
} as const;

export type AnswerName = keyof typeof ANSWERS;

/** `field` (400 only) names the path that failed validation and why, never echoing the value. */
export function answer(res: Response, name: AnswerName, field?: { path: string; message: string }): void {
  const { status, body } = ANSWERS[name];
  if (name === 'unavailable') res.set('Retry-After', '30');
  res.status(status).json(field && name === 'invalid' ? { ...body, field: field.path, message: field.message } : body);
}
