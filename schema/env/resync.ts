import { z } from 'zod';
import { durationMillis } from '../../src/domain/resync/duration.js';
import { intWithDefault, stringWithDefault } from './fields.js';
import { defineEnvSection } from './section.js';

export interface ResyncConfig {
  /** null: no periodic sweep (RESYNC_INTERVAL=off). */
  intervalMs: number | null;
  overlapMs: number;
  costFloor: number;
  coldStartWindowMs: number;
  webhookGraceMs: number;
}

/** A positive ISO-8601 duration, in ms. */
const duration = (fallback: string) =>
  stringWithDefault(fallback).transform((text, ctx) => {
    const millis = durationMillis(text);
    if (millis !== undefined) return millis;
    ctx.addIssue({ code: 'custom', message: `must be a positive ISO-8601 duration such as ${fallback}` });
    return z.NEVER;
  });

/** A duration, or `off` (null). */
const durationOrOff = (fallback: string) =>
  stringWithDefault(fallback).transform((text, ctx) => {
    if (text.trim() === 'off') return null;
    const millis = durationMillis(text);
    if (millis !== undefined) return millis;
    ctx.addIssue({ code: 'custom', message: `must be a positive ISO-8601 duration such as ${fallback} (or off)` });
    return z.NEVER;
  });

/** Reconciliation sweep, cold-start resync and webhook health (state is kept REPORT_RETENTION_DAYS, reports section). */
export const resyncEnvSection = defineEnvSection({
  shape: {
    RESYNC_INTERVAL: durationOrOff('PT5M'),
    RESYNC_OVERLAP: duration('PT2M'),
    RESYNC_COST_FLOOR: intWithDefault(1_000, { min: 0, max: 1_000_000 }),
    RESYNC_COLD_START_WINDOW: duration('P30D'),
    RESYNC_WEBHOOK_GRACE: duration('PT2M'),
  },
  config: (env): { resync: ResyncConfig } => ({
    resync: {
      intervalMs: env.RESYNC_INTERVAL,
      overlapMs: env.RESYNC_OVERLAP,
      costFloor: env.RESYNC_COST_FLOOR,
      coldStartWindowMs: env.RESYNC_COLD_START_WINDOW,
      webhookGraceMs: env.RESYNC_WEBHOOK_GRACE,
    },
  }),
});
