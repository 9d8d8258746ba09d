import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { configProblemsOf } from '../../../helpers/config-problems.js';

const MIN = 60_000;

describe('reconciliation and retention configuration', () => {
  it('defaults: sweep every 5 min with 2 min overlap, cost floor 1000, 30 days on cold start, 400 days of state', () => {
    expect(loadConfig({}).resync).toEqual({
      intervalMs: 5 * MIN,
      overlapMs: 2 * MIN,
      costFloor: 1_000,
      coldStartWindowMs: 30 * 24 * 60 * MIN,
      webhookGraceMs: 2 * MIN,
    });
    expect(loadConfig({}).reports.retentionDays).toBe(400);
  });

  it('reads every variable; off turns the periodic sweep off', () => {
    const { resync, reports } = loadConfig({
      RESYNC_INTERVAL: 'off',
      RESYNC_OVERLAP: 'PT30S',
      RESYNC_COST_FLOOR: '250',
      RESYNC_COLD_START_WINDOW: 'P7D',
      RESYNC_WEBHOOK_GRACE: 'PT10M',
      REPORT_RETENTION_DAYS: '90',
    });
    expect(resync).toEqual({
      intervalMs: null,
      overlapMs: 30_000,
      costFloor: 250,
      coldStartWindowMs: 7 * 24 * 60 * MIN,
      webhookGraceMs: 10 * MIN,
    });
    expect(reports.retentionDays).toBe(90);
    expect(loadConfig({ RESYNC_INTERVAL: 'PT1H' }).resync.intervalMs).toBe(60 * MIN);
  });

  it('names each bad variable', () => {
    const problems = configProblemsOf({
      RESYNC_INTERVAL: 'every 5 minutes',
      RESYNC_OVERLAP: 'off',
      REPORT_RETENTION_DAYS: '0',
      RESYNC_COLD_START_WINDOW: 'PT0S',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'REPORT_RETENTION_DAYS',
      'RESYNC_COLD_START_WINDOW',
      'RESYNC_INTERVAL',
      'RESYNC_OVERLAP',
    ]);
  });
});
