import type { z } from 'zod';
import { durationMillis } from '../../src/domain/resync/duration.js';
import { intWithDefault, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

const duration = (fallback: string, allowOff = false) =>
  stringWithDefault(fallback).superRefine((text, ctx) => {
    if (allowOff && text.trim() === 'off') return;
    if (durationMillis(text) === undefined) ctx.addIssue({ code: 'custom', message: `must be a positive ISO-8601 duration such as ${fallback}${allowOff ? ' (or off)' : ''}` });
  });

/** Reconciliation sweep, cold-start resync and webhook health (state is kept REPORT_RETENTION_DAYS, reports section). */
export const resyncEnvShape = {
  RESYNC_INTERVAL: duration('PT5M', true),
  RESYNC_OVERLAP: duration('PT2M'),
  RESYNC_COST_FLOOR: intWithDefault(1_000, { min: 0, max: 1_000_000 }),
  RESYNC_COLD_START_WINDOW: duration('P30D'),
  RESYNC_WEBHOOK_GRACE: duration('PT2M'),
};

export const resyncEnvSection = defineEnvSection({ shape: resyncEnvShape });

export interface ResyncConfig {
  /** null: no periodic sweep (RESYNC_INTERVAL=off). */
  intervalMs: number | null;
  overlapMs: number;
  costFloor: number;
  coldStartWindowMs: number;
  webhookGraceMs: number;
}

export function toResyncConfig(env: z.output<z.ZodObject<typeof resyncEnvShape>>): ResyncConfig {
  const millis = (text: string) => durationMillis(text) ?? 0;
  return {
    intervalMs: env.RESYNC_INTERVAL.trim() === 'off' ? null : millis(env.RESYNC_INTERVAL),
    overlapMs: millis(env.RESYNC_OVERLAP),
    costFloor: env.RESYNC_COST_FLOOR,
    coldStartWindowMs: millis(env.RESYNC_COLD_START_WINDOW),
    webhookGraceMs: millis(env.RESYNC_WEBHOOK_GRACE),
  };
}
