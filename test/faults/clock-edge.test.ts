/**
 * Clock edge (issue 9, fault injection): the service restarted across a DST switch and across a
 * holiday keeps the same due instants. Each scenario runs twice through the real pipeline on the
 * virtual clock, once with `restart` steps between creation and the due instants (after the
 * switch, and after the holiday) and once with plain steps at the same instants; the reports must
 * agree, and the instants are worked out by hand below (Mon–Fri 08:30–17:30 Europe/Amsterdam,
 * 9 business hours a day; High = response 9 h, resolution 18 h; warnings at 75 %; level 2 after a
 * further 100 % of the resolution time).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/redis/probe.js';
import type { ScenarioReport } from '../../src/scenario/report.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { createLogCapture } from '../helpers/log-capture.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';

// Resolution from registration: the due instants across the clock edge are the subject, not the root-cause start.
const CONFIG = {
  ESCALATION_L1_PERSON_ID: 'Sam Support Manager',
  ESCALATION_L2_PERSON_ID: 'Casey CTO',
  COMPLETENESS_RULES: 'none',
  SUPPORT_TIMEZONE: 'Europe/Amsterdam',
  RESOLUTION_CLOCK_START: 'created',
};

// Redis of its own, on its own port, with append-only persistence: restarts keep its timers.
let redis: RedisServer;
let redisDir: string;
beforeAll(async () => {
  redisDir = await mkdtemp(join(tmpdir(), 'xsw-clock-edge-'));
  redis = await startRedisServer(await findFreePort(), redisDir);
});
afterAll(async () => {
  await redis?.stop();
  if (redisDir) await rm(redisDir, { recursive: true, force: true });
});

const plusMinute = (iso: string) => new Date(Date.parse(iso) + 60_000).toISOString();

function scenario(holiday: string, create: string, restarts: readonly string[], end: string, restart: boolean) {
  return {
    config: { ...CONFIG, SUPPORT_HOLIDAYS: holiday },
    steps: [
      { at: create, create: { ref: 'r1', impact: 'high', subject: 'Orders cannot be saved' } },
      // After each restart the customer adds a note: the new process reconciles the request (dues
      // recomputed from its history, in the zone's offset of that moment), not only its old timers.
      ...restarts.flatMap((at) => [
        restart ? { at, restart: true } : { at },
        { at: plusMinute(at), note: { ref: 'r1', text: 'Any news on this?', internal: false } },
      ]),
      { at: end },
    ],
  };
}

async function both(
  holiday: string,
  create: string,
  restarts: readonly string[],
  end: string,
): Promise<{ plain: ScenarioReport; restarted: ScenarioReport }> {
  const run = (restart: boolean) =>
    runScenario(scenario(holiday, create, restarts, end, restart), { redisUrl: redis.url, logger: createLogCapture('warn').logger });
  return { plain: await run(false), restarted: await run(true) };
}

/** One DST switch with a holiday on the Monday after it; every instant below is worked out by hand. */
interface ClockEdgeCase {
  name: string;
  holiday: string;
  create: string;
  restarts: readonly [string, string];
  end: string;
  responseDue: string;
  resolutionDue: string;
  /** Response warning, response breach, resolution warning, resolution breach, level 2 (CTO). */
  escalationsAt: readonly [string, string, string, string, string];
}

const CASES: readonly ClockEdgeCase[] = [
  {
    // Created Fri 27 March 16:00 CET (15:00Z): 1.5 h left that day; Sat, Sun, the holiday Mon count nothing.
    // Response 9 h: + Tue 31 March 08:30 CEST + 7.5 h = 16:00 CEST = 14:00Z (warning at 6.75 h: Tue 13:45 CEST = 11:45Z).
    // Resolution 18 h: + Tue 9 h + Wed 1 April 7.5 h = 16:00 CEST = 14:00Z (warning 13.5 h: Wed 11:30 CEST = 09:30Z).
    // Level 2 at a further 18 h: Wed 1.5 + Thu 9 + Fri 3 April 7.5 → 16:00 CEST = 14:00Z.
    // Restarts: Sun 29 March 02:00Z (04:00 CEST, an hour after the switch) and Tue 31 March 06:00Z (after the holiday).
    name: 'spring forward (Sun 29 March 2026) and a holiday Mon 30 March',
    holiday: '2026-03-30',
    create: '2026-03-27T15:00:00Z',
    restarts: ['2026-03-29T02:00:00Z', '2026-03-31T06:00:00Z'],
    end: '2026-04-03T15:00:00Z',
    responseDue: '2026-03-31T14:00:00Z',
    resolutionDue: '2026-04-01T14:00:00Z',
    escalationsAt: ['2026-03-31T11:45:00Z', '2026-03-31T14:00:00Z', '2026-04-01T09:30:00Z', '2026-04-01T14:00:00Z', '2026-04-03T14:00:00Z'],
  },
  {
    // Created Fri 23 October 16:00 CEST (14:00Z): 1.5 h that day; Sat, Sun (25 h long), the holiday Mon count nothing.
    // Response 9 h: Tue 27 October 08:30 CET + 7.5 h = 16:00 CET = 15:00Z (warning: Tue 13:45 CET = 12:45Z).
    // Resolution 18 h: Wed 28 October 16:00 CET = 15:00Z (warning: Wed 11:30 CET = 10:30Z).
    // Level 2 a further 18 h on: Wed 1.5 + Thu 9 + Fri 30 October 7.5 → 16:00 CET = 15:00Z.
    // Restarts: Sun 25 October 02:00Z (03:00 CET, after the switch) and Tue 27 October 06:00Z (after the holiday).
    name: 'fall back (Sun 25 October 2026) and a holiday Mon 26 October',
    holiday: '2026-10-26',
    create: '2026-10-23T14:00:00Z',
    restarts: ['2026-10-25T02:00:00Z', '2026-10-27T06:00:00Z'],
    end: '2026-10-30T16:00:00Z',
    responseDue: '2026-10-27T15:00:00Z',
    resolutionDue: '2026-10-28T15:00:00Z',
    escalationsAt: ['2026-10-27T12:45:00Z', '2026-10-27T15:00:00Z', '2026-10-28T10:30:00Z', '2026-10-28T15:00:00Z', '2026-10-30T15:00:00Z'],
  },
];

describe('clock edge: restarts across a DST switch and a holiday keep the due instants', () => {
  it.each(CASES)(
    '$name',
    async ({ holiday, create, restarts, end, responseDue, resolutionDue, escalationsAt }) => {
      const { plain, restarted } = await both(holiday, create, restarts, end);
      const [responseWarning, responseBreach, resolutionWarning, resolutionBreach, levelTwo] = escalationsAt;
      expect(plain.requests['r1']).toMatchObject({
        priority: 'high',
        responseDue,
        resolutionDue,
        responseBreached: true,
        resolutionBreached: true,
        escalations: [
          { level: 'warning', target: 'response', at: responseWarning },
          { level: 'service_support_manager', target: 'response', at: responseBreach },
          { level: 'warning', target: 'resolution', at: resolutionWarning },
          { level: 'service_support_manager', target: 'resolution', at: resolutionBreach },
          { level: 'cto', target: 'resolution', at: levelTwo },
        ],
      });
      expect(restarted.requests).toEqual(plain.requests);
    },
    50_000,
  );
});
