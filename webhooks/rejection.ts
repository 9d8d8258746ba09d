/** Answers a delivery can be refused with; each maps to one entry of `ANSWERS` in respond.ts. */
export type RejectionAnswer = 'malformedJson' | 'invalid' | 'unauthorized' | 'forbidden' | 'unavailable';

/**
 * Thrown by a step of the intake pipeline to refuse a delivery. `reason` is for the log only (it
 * may name the failing check); the client only learns the class from the status.
 */
export class DeliveryRejected extends Error {
  override readonly name = 'DeliveryRejected';
  constructor(
    readonly answer: RejectionAnswer,
    readonly reason: string,
    readonly field?: { path: string; message: string },
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}

export const unauthorized = (reason: string, cause?: unknown) => new DeliveryRejected('unauthorized', reason, undefined, { cause });
