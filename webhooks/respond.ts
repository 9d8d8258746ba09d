import type { Response } from 'express';

/** Every answer the receiver gives, in one place, so statuses stay consistent. */
export const ANSWERS = {
  queued: { status: 202, body: { status: 'queued' } },
  duplicate: { status: 200, body: { status: 'duplicate' } },
  ignored: { status: 200, body: { status: 'ignored' } },
  unsupportedMediaType: { status: 415, body: { error: 'Content-Type must be application/json' } },
  tooLarge: { status: 413, body: { error: 'Body too large' } },
  malformedJson: { status: 400, body: { error: 'Malformed JSON body' } },
  unavailable: { status: 503, body: { error: 'Queue unavailable, retry later' } },
} as const;

export type AnswerName = keyof typeof ANSWERS;

export function answer(res: Response, name: AnswerName): void {
  const { status, body } = ANSWERS[name];
  res.status(status).json(body);
}

/** 400 naming the field path that failed validation, never echoing the value. */
export function answerInvalid(res: Response, path: readonly PropertyKey[], message: string): void {
  res.status(400).json({ error: 'Invalid webhook body', field: path.map(String).join('.') || '(body)', message });
}
