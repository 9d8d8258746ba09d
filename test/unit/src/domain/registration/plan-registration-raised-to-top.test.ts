import { describe, expect, it } from 'vitest';
import { ms } from '../../../../helpers/calendar.js';
import { ASKED, run, STEPS } from '../../../../helpers/plan-registration-fixtures.js';

describe('planRegistration', () => {
  describe('raised to Top while the worker holds it for the customer (issue 16.3)', () => {
    const paused = { pausePriorities: ['high', 'medium', 'low'] as const };
    const RAISED = '2026-03-25T10:00:00Z';

    it("lifts the worker's own wait once: back to assigned by the worker, pause closed, the ask still open", () => {
      const { plans, state } = run(
        [
          { now: ASKED, over: { impact: 'medium', priority: 'medium' } },
          { now: RAISED, over: { impact: 'top', priority: 'top' } },
          { now: RAISED, over: { impact: 'top', priority: 'top', status: 'waiting_for_customer' } },
        ],
        paused,
      );
      expect(plans[0]?.status).toBe('waiting_for_customer');
      expect(plans[1]).toMatchObject({
        status: 'assigned',
        event: { kind: 'status-changed', at: ms(RAISED), status: 'assigned', by: 'worker' },
        publicNote: null,
      });
      expect(plans[1]?.internalNotes).toHaveLength(1);
      expect(plans[1]?.internalNotes[0]).toContain('the priority is now top');
      expect(plans[1]?.internalNotes[0]).toContain('[xsw:registration-resumed:REQ-1]');
      // A late or duplicate webhook still showing waiting_for_customer lifts nothing a second time.
      expect(plans[2]).toMatchObject({ status: null, event: null, publicNote: null, internalNotes: [] });
      expect(state).toMatchObject({
        status: 'incomplete',
        missing: ['reproduction_steps'],
        pauses: [{ reason: 'incomplete_request', fromMs: ms(ASKED), toMs: ms(RAISED) }],
      });
    });

    it("lifts a wait asked before any priority was known (null pauses), and the requester's reply still completes it", () => {
      const { plans, state } = run(
        [
          { now: ASKED, over: { impact: null, priority: null } },
          { now: RAISED, over: { impact: 'top', priority: 'top' } },
          { now: '2026-03-25T12:00:00Z', over: { impact: 'top', priority: 'top' }, reply: STEPS },
        ],
        paused,
      );
      expect(plans.map((p) => p.status)).toEqual(['waiting_for_customer', 'assigned', null]);
      expect(plans[2]?.internalNotes[0]).toContain('Registration complete');
      expect(state).toMatchObject({ status: 'completed-after-asking', pauses: [{ fromMs: ms(ASKED), toMs: ms(RAISED) }] });
    });

    it("never lifts an agent's own waiting_for_customer on a Top incident", () => {
      const { plans } = run(
        [
          { now: ASKED, over: { priority: 'high' } },
          { now: RAISED, over: { priority: 'top', waitingByWorker: false } },
        ],
        paused,
      );
      expect(plans[1]).toMatchObject({ status: null, event: null });
    });

    it('keeps the pause when the raised priority is still a paused one, or when every priority pauses', () => {
      expect(
        run(
          [
            { now: ASKED, over: { priority: 'medium' } },
            { now: RAISED, over: { priority: 'high' } },
          ],
          paused,
        ).plans[1]?.status,
      ).toBeNull();
      expect(
        run([
          { now: ASKED, over: { priority: 'medium' } },
          { now: RAISED, over: { priority: 'top' } },
        ]).plans[1]?.status,
      ).toBeNull();
    });
  });
});
